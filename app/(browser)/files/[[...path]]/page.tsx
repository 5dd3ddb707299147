export const dynamic = "force-dynamic";

// /files/<segment>/<segment>…: the remote folder /<segment>/<segment>…. The browser itself is rendered
// by ../layout.tsx (it reads the folder from the URL); this route only makes every such address exist.
export default function Page() {
  return null;
}
