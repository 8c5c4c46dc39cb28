import { CompromiseEntityExtractor } from '../../../bench/support/compromise-entity-extractor.js';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';
import { describeEntityExtractorContract } from '../../contract/entity-extractor.contract.js';

describeEntityExtractorContract('rules', (options) => new RulesEntityExtractor(options));
describeEntityExtractorContract('compromise', (options) => new CompromiseEntityExtractor(options));
