// Messages of the viewer area (owner: viewer-ui). Keys start with "viewer."; en and ko must have the same keys.
export const viewer = {
  en: {} as Record<string, string>,
  ko: {} as Record<string, string>,
};
