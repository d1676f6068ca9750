// The first feedback screen: the store's question and four big faces.

import { Face, type Rating } from "./face.tsx";
import type { Key } from "./i18n.tsx";
import { useI18n } from "./i18n.tsx";

export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

export type FaceQuestionProps = { question: string; onFace(rating: Rating, e: Event): void };

export function FaceQuestion({ question, onFace }: FaceQuestionProps) {
  const { t } = useI18n();
  return (
    <section class="face-question">
      <h2 class="feedback__question">{question}</h2>
      <div class="faces">
        {RATINGS.map((r) => (
          <button
            key={r}
            type="button"
            class={`face-button face-button--${r}`}
            data-rating={r}
            onClick={(e) => onFace(r, e)}
          >
            <Face rating={r} />
            <span class="face-button__label">{t(`face.${r}` as Key)}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
