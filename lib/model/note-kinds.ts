/**
 * The note kinds, in the order the filter chips and kind pickers list them. A module of its own, loading
 * nothing, so the popup's pre-React paint can list them without loading zod (lib/model/note.ts builds the
 * schema from this list).
 */
export const NOTE_KINDS = ['insight', 'question', 'answer', 'win', 'story', 'snippet', 'template', 'link'] as const;
