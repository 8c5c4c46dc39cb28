/** Words that make a name an organisation's (general English and general knowledge). */

import { words } from '../../../domain/word-list.js';

/** Last words that make a capitalised run an organisation. */
export const ORG_SUFFIXES: ReadonlySet<string> = words(`
  inc corp corporation ltd llc plc co company group gmbh ag sa nv bv holdings partners university
  college institute school academy association federation union party council committee ministry
  department agency bank club airlines airways motors foundation society commission fund press
  times post news journal herald network systems technologies labs studios records hospital
  church army navy police court senate congress parliament assembly board bureau office exchange
  trust services industries international pharmaceuticals insurance securities capital ventures
  media entertainment united city rovers athletic fc team band orchestra museum library store
  cafe restaurant gym center centre clinic magazine television tv radio organization organisation
  administration authority force corps front treasury channel
  elementary high prep seminary cathedral temple mosque synagogue zoo kindergarten preschool
  daycare hospice pharmacy airport supermarket market shop bakery deli diner grill pub bar
  bistro pizzeria tavern salon spa boutique
  paper steel chemical chemicals oil petroleum energy power electric electronics foods mining
  cement textiles telecom telecoms communications shipping logistics construction software
  brewing brewery breweries pharma aerospace semiconductor semiconductors utilities resources
  enterprises solutions robotics cables copper aluminium aluminum
`);

/** Heads of institutions named with a possessive ("Seattle Children's Hospital", "Sam's Club"). */
export const POSSESSIVE_INSTITUTION_HEADS: ReadonlySet<string> = words(`
  hospital hospitals clinic school college university academy institute church cathedral chapel
  club store stores shop market supermarket restaurant cafe bar pub diner grill bakery deli
  library museum center centre home hall elementary high garden gardens
`);

/** First words that make "<word> <ordinary noun>" an organisation ("International Paper"). */
export const ORG_HEAD_WORDS: ReadonlySet<string> = words(`
  international national united general global federal royal consolidated allied universal
  standard continental
`);

/** First words of organisation names ("University of …", "Bank of …"). */
export const ORG_PREFIXES: ReadonlySet<string> = words(`
  university bank ministry department institute college church school federal national royal
  united house museum board league order
`);

/** Nouns right after a name that make it an organisation ("Acme shares"). */
export const ORG_NEXT_WORDS: ReadonlySet<string> = words(`
  news newspaper agency shares stock stocks spokesman spokeswoman spokesperson chairman
  chairwoman ceo executives employee employees worker workers official officials engineers staff
  subsidiary unit division headquarters hq stores store brand coach manager striker midfielder
  defender goalkeeper forward fans captain team squad board app products stake merger acquisition
  profits profit earnings revenue revenues poll polls survey flight flights jet jets airliner
  ship ships customers subscribers
`);

/** Nouns right before a name that make it an organisation ("news agency Tanjug"). */
export const ORG_PREVIOUS_WORDS: ReadonlySet<string> = words(`
  company firm group agency newspaper daily weekly magazine club team operator maker carrier
  airline insurer retailer manufacturer publisher broker brokerage startup band label network
  channel bank lender conglomerate giant automaker chain subsidiary outfit party
`);

/** Words before "at"/"for" that make the next name an employer ("works at Acme", "job at Acme"). */
export const WORK_WORDS: ReadonlySet<string> = words(`
  work works worked working job intern interning employed joined join hired ceo founded started
`);

/** Verbs and prepositions that join two sports teams ("Leeds beat Chelsea", "Ajax v PSV"). */
export const MATCH_WORDS: ReadonlySet<string> = words(`
  v vs vs. versus beat beats defeated defeat thrashed edged outplayed drew draw hosts host hosted
`);

/** Words before a team's name in a fixture ("v Chelsea", "versus Ajax"). */
export const VERSUS_WORDS: ReadonlySet<string> = words('v vs vs. versus');

/**
 * Well-known companies, brands and institutions that compromise's lexicon misses or mistypes
 * (Apple, Meta, …). Hand-written from general knowledge; lower-case.
 */
export const KNOWN_ORGANIZATIONS: ReadonlySet<string> = words(`
  apple meta google alphabet microsoft amazon netflix facebook instagram whatsapp twitter tesla
  spacex openai anthropic nvidia intel amd ibm oracle salesforce adobe uber lyft airbnb spotify
  slack zoom dropbox paypal stripe shopify linkedin youtube tiktok bytedance snapchat snap
  pinterest reddit samsung sony lg huawei xiaomi alibaba tencent baidu toyota honda nissan ford
  gm bmw volkswagen mercedes audi porsche ferrari boeing airbus lockheed walmart target costco
  starbucks mcdonald's mcdonalds nike adidas coca-cola pepsi pepsico disney pixar warner hbo nbc
  cbs abc cnn bbc fox espn reuters bloomberg nasa fbi cia nsa un nato eu unicef unesco imf opec
  fifa nba nfl mlb nhl mit stanford harvard yale princeton oxford cambridge caltech berkeley ucla
  nyu columbia cornell deloitte kpmg pwc accenture mckinsey goldman jpmorgan citigroup citibank
  hsbc barclays visa mastercard verizon at&t comcast vodafone siemens philips nokia ericsson
  shell exxon bp chevron pfizer moderna novartis roche walgreens cvs ikea lego nintendo valve
  epic ubisoft github gitlab atlassian hp dell lenovo cisco qualcomm broadcom sap vmware yahoo
  ebay etsy wayfair doordash instacart grubhub deliveroo revolut monzo klarna deepmind mozilla
  wikipedia greenpeace amnesty red_cross pentagon kremlin white_house congress senate parliament
  ford_motor general_motors general_electric procter_&_gamble johnson_&_johnson morgan_stanley
  bank_of_america wells_fargo goldman_sachs american_express home_depot whole_foods trader_joe's
  best_buy burger_king taco_bell pizza_hut new_york_times washington_post wall_street_journal
  associated_press
`);

/** Last words of a group one belongs to rather than works at: "in the Peace Corps", "the Sierra Club". */
export const GROUP_HEADS: ReadonlySet<string> = words(`
  corps club band army navy marines guard party choir orchestra team society league union scouts
  committee council fraternity sorority troupe crew squad
`);

/** "St. Mary's", "Saint Jude's": the saint an institution is named after (with and without period). */
export const SAINT_WORDS: ReadonlySet<string> = words('st. st saint');
