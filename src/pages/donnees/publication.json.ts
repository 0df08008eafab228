// The record of this publication, read by the next build to report what changed.
import type { APIRoute } from "astro";
import { publication } from "../../site/models";

export const GET: APIRoute = () => Response.json(publication());
