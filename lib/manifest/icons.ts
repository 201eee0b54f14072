/** The icon sizes both stores ask for (toolbar 16/32, extensions page 48, store listing 128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;

/** `{ "16": "icon/16.png", … }`: the manifest's `icons` and the toolbar action's `default_icon`. */
export function iconPaths(): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`]));
}
