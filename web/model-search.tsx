// The model box: suggestions as you type, from the shipped catalog at once (offline) and from the Hub's search
// when it answers, with library, parameter count and "offline" badges. The WAI-ARIA combobox pattern: arrows
// move through the list, Enter picks, Escape closes; the input keeps focus throughout.
import { useEffect, useRef, useState } from "preact/hooks";

export interface Suggestion {
  readonly id: string;
  readonly library?: string;
  readonly parameters?: number | null;
  /** Shipped with the page: computed without any network. */
  readonly offline: boolean;
}

interface CatalogSearch {
  readonly models: readonly { id: string; library: string; family: string; parameters: number | null }[];
}

let catalog: Promise<CatalogSearch> | undefined;
export function loadCatalogSearch(base: string): Promise<CatalogSearch> {
  catalog ??= fetch(`${base}catalog/search.json`).then((r) => r.json() as Promise<CatalogSearch>);
  return catalog;
}

/** `7615616512` → `7.6B`. */
export function shortCount(n: number): string {
  for (const [unit, size] of [["T", 1e12], ["B", 1e9], ["M", 1e6], ["K", 1e3]] as const) if (n >= size) return `${(n / size).toFixed(n >= size * 100 ? 0 : 1)}${unit}`;
  return String(n);
}

function catalogMatches(models: CatalogSearch["models"], query: string, limit: number): Suggestion[] {
  const q = query.toLowerCase().trim();
  if (!q) return [];
  const scored = models.flatMap((m) => {
    const id = m.id.toLowerCase();
    const at = id.indexOf(q);
    if (at < 0) return [];
    // The name after the owner counts most: "llama" finds meta-llama/Llama-… before …/tinyllama.
    const name = id.slice(id.indexOf("/") + 1);
    return [{ m, score: (name.startsWith(q) ? 0 : id.startsWith(q) ? 1 : 2) + at / 1000 }];
  });
  scored.sort((a, b) => a.score - b.score || a.m.id.localeCompare(b.m.id));
  return scored.slice(0, limit).map(({ m }) => ({ id: m.id, library: m.library, parameters: m.parameters, offline: true }));
}

export function ModelSearch(props: { value: string; base: string; hubUrl: string; token: string; onInput: (v: string) => void; onPick: (id: string) => void }) {
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [hub, setHub] = useState<"idle" | "searching" | "done" | "unreachable">("idle");
  const typed = useRef(false);
  const query = props.value;

  useEffect(() => {
    if (!typed.current) return;
    let live = true;
    const controller = new AbortController();
    const q = query.trim();
    if (q.length < 2) {
      setItems([]);
      setHub("idle");
      return;
    }
    void loadCatalogSearch(props.base).then((c) => {
      if (!live) return;
      const local = catalogMatches(c.models, q, 8);
      setItems(local);
      setActive(-1);
      setOpen(true);
      // The Hub is asked once the typing pauses, not on every keystroke.
      const timer = setTimeout(() => {
        setHub("searching");
        import("./hub-search.js")
          .then(({ searchHub }) => searchHub(q, { hubUrl: props.hubUrl, limit: 8, signal: controller.signal, ...(props.token ? { token: props.token } : {}) }))
          .then(
            (hits) => {
              if (!live) return;
              const known = new Set(local.map((s) => s.id));
              setItems([...local, ...hits.filter((h) => !known.has(h.id)).map((h) => ({ ...h, offline: false }))].slice(0, 12));
              setHub("done");
            },
            () => live && setHub("unreachable"),
          );
      }, 250);
      controller.signal.addEventListener("abort", () => clearTimeout(timer));
    });
    return () => {
      live = false;
      controller.abort();
    };
  }, [query]);

  const pick = (s: Suggestion) => {
    typed.current = false;
    setOpen(false);
    setActive(-1);
    props.onPick(s.id);
  };
  const shown = open && items.length > 0;
  const optionId = (i: number) => `model-option-${i}`;
  return (
    <div class="combo">
      <label for="model-input">Model id or Hub URL</label>
      <input
        id="model-input"
        name="model"
        data-testid="model"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls="model-listbox"
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        aria-describedby="model-search-status"
        value={props.value}
        placeholder="llama, bert-base-cased, timm/resnet50…"
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => {
          typed.current = true;
          props.onInput((e.target as HTMLInputElement).value);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            if (items.length === 0) return;
            e.preventDefault();
            setOpen(true);
            setActive((i) => (e.key === "ArrowDown" ? (i + 1) % items.length : (i <= 0 ? items.length : i) - 1));
          } else if (e.key === "Enter" && shown && active >= 0) {
            e.preventDefault();
            pick(items[active] as Suggestion);
          } else if (e.key === "Escape") {
            setOpen(false);
            setActive(-1);
          }
        }}
      />
      <ul id="model-listbox" role="listbox" aria-label="Suggestions" class="listbox" data-testid="suggestions" hidden={!shown}>
        {items.map((s, i) => (
          <li
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            data-id={s.id}
            class={i === active ? "active" : ""}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(s);
            }}
          >
            <span class="sid">{s.id}</span>
            {s.library && <span class="badge">{s.library}</span>}
            {s.parameters ? <span class="badge">{shortCount(s.parameters)}</span> : null}
            {s.offline && <span class="badge offline" data-testid="badge-offline">offline</span>}
          </li>
        ))}
      </ul>
      <p id="model-search-status" class="sr-only" role="status">
        {shown ? `${items.length} suggestions${hub === "searching" ? ", searching the Hub" : hub === "unreachable" ? "; the Hub is unreachable, shipped models only" : ""}` : ""}
      </p>
      {hub === "unreachable" && open && <p class="note small" data-testid="hub-offline">The Hub did not answer: shipped models only (they work offline).</p>}
    </div>
  );
}
