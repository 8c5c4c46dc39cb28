/** US states as newspapers abbreviate them ("Portland, Ore.", "Concord, Mass."). General knowledge. */
export const STATE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md. Mass. ' +
    'Mich. Minn. Miss. Mo. Mont. Neb. Nebr. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. ' +
    'Pa. R.I. S.C. S.D. Tenn. Tex. Vt. Va. Wash. W.Va. Wis. Wyo. D.C.'
  ).split(' '),
);
