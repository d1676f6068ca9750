// The four feedback faces (1 very unhappy … 4 very happy), drawn as inline
// SVG so they stay sharp at any size and need no image files.
export type Rating = 1 | 2 | 3 | 4;

const FACES: Record<Rating, { fill: string; mouth: string; open?: boolean; brows?: string }> = {
  1: { fill: "#e5484d", mouth: "M36 90 Q60 62 84 90", brows: "M30 34 L50 44 M90 34 L70 44" },
  2: { fill: "#f5a524", mouth: "M40 86 Q60 74 80 86" },
  3: { fill: "#8cc63f", mouth: "M38 74 Q60 92 82 74" },
  4: { fill: "#2e9e5b", mouth: "M32 68 Q60 108 88 68 Z", open: true },
};

export type FaceProps = { rating: Rating };

export function Face({ rating }: FaceProps) {
  const f = FACES[rating];
  return (
    <svg class="face" viewBox="0 0 120 120" aria-hidden="true">
      <circle cx="60" cy="60" r="56" fill={f.fill} />
      <circle cx="60" cy="60" r="56" fill="url(#face-shine)" />
      <ellipse cx="42" cy="50" rx="6.5" ry="8.5" fill="#1f2430" />
      <ellipse cx="78" cy="50" rx="6.5" ry="8.5" fill="#1f2430" />
      {f.brows ? (
        <path d={f.brows} stroke="#1f2430" stroke-width="5" stroke-linecap="round" />
      ) : null}
      <path
        d={f.mouth}
        fill={f.open ? "#1f2430" : "none"}
        stroke="#1f2430"
        stroke-width="6"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

/** Shared gradient for the faces' soft highlight; render once per page. */
export function FaceDefs() {
  return (
    <svg width="0" height="0" class="visually-hidden" aria-hidden="true">
      <defs>
        <radialGradient id="face-shine" cx="35%" cy="30%" r="70%">
          <stop offset="0" stop-color="#fff" stop-opacity="0.35" />
          <stop offset="0.6" stop-color="#fff" stop-opacity="0" />
        </radialGradient>
      </defs>
    </svg>
  );
}
