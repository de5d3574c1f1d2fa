// The view state in the URL hash, so that a link reopens the same view:
//   #cam=X,Y,RATIO,ANGLE&hide=1,4&t=1494000000000&w=2&sel=twitter:25073877
// `w` is written only when it differs from the map's default. Keys are prefixed with "<container id>." when the page holds more than one map. Only numbers and
// the selected account's id are read back, and all of them are checked before use.

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface ViewState {
  camera: CameraView | null;
  hidden: number[];
  time: number | null;  // null: the whole period
  minWeight: number | null;  // null: the map's default
  selected: string | null;
}

export function emptyViewState(): ViewState {
  return { camera: null, hidden: [], time: null, minWeight: null, selected: null };
}

function hashParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.replace(/^#/, ""));
}

function finite(text: string | null): number | null {
  if (text === null || text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

export function readViewState(prefix: string): ViewState {
  const params = hashParams();
  const state = emptyViewState();
  const cam = params.get(prefix + "cam");
  if (cam) {
    const parts = cam.split(",").map((p) => finite(p));
    const [x, y, ratio, angle] = parts;
    if (parts.length >= 3 && x !== null && y !== null && ratio !== null && ratio > 0) {
      state.camera = { x: x ?? 0, y: y ?? 0, ratio, angle: angle ?? 0 };
    }
  }
  const hide = params.get(prefix + "hide");
  if (hide) {
    state.hidden = hide
      .split(",")
      .map((p) => finite(p))
      .filter((n): n is number => n !== null && Number.isInteger(n));
  }
  state.time = finite(params.get(prefix + "t"));
  const weight = finite(params.get(prefix + "w"));
  state.minWeight = weight === null ? null : Math.max(0, weight);
  state.selected = params.get(prefix + "sel");
  return state;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits)).toString();

export function writeViewState(prefix: string, state: ViewState): void {
  const params = hashParams();
  const set = (key: string, value: string | null) => {
    if (value === null || value === "") params.delete(prefix + key);
    else params.set(prefix + key, value);
  };
  const cam = state.camera;
  set("cam", cam ? [round(cam.x, 5), round(cam.y, 5), round(cam.ratio, 5), round(cam.angle, 4)].join(",") : null);
  set("hide", state.hidden.length ? [...state.hidden].sort((a, b) => a - b).join(",") : null);
  set("t", state.time === null ? null : String(Math.round(state.time)));
  set("w", state.minWeight === null ? null : String(state.minWeight));
  set("sel", state.selected);
  const hash = params.toString();
  const url = window.location.href.replace(/#.*$/, "") + (hash ? "#" + hash : "");
  try {
    window.history.replaceState(window.history.state, "", url);
  } catch {
    // Some embeddings (a sandboxed frame, an opaque origin) refuse history changes: the view then
    // simply is not linkable.
  }
}
