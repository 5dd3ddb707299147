import { FilesPage } from "./files-page";

export const dynamic = "force-dynamic";

// /files/<segment>/<segment>…: the remote folder /<segment>/<segment>…; the client reads it from the URL.
export default function Page() {
  return <FilesPage />;
}
