/**
 * Browser mode's menu bar (the desktop app has the native menu): File, Edit, View, Training and
 * Help from the command table, with each command's shortcut and, when it cannot run, why.
 * Keyboard: Enter or ↓ opens a menu, ↑ ↓ move, ← → switch menus, Enter runs, Escape closes.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  COMMANDS,
  COMMAND_MENUS,
  MENU_TITLES,
  keysOf,
  shortcutLabel,
  type CommandId,
  type CommandMenu,
  type CommandSpec,
} from '../../electron/contract/commands';
import { useCommands } from './useAppCommands';
import './commands.css';

const itemsOf = (menu: CommandMenu) =>
  (COMMANDS as readonly CommandSpec[]).filter((c) => c.menu === menu);

export function MenuBar() {
  const [open, setOpen] = useState<CommandMenu | null>(null);
  const bar = useRef<HTMLDivElement>(null);

  // A click anywhere else closes the open menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  const switchTo = (menu: CommandMenu, step: number) => {
    const i = COMMAND_MENUS.indexOf(menu);
    const next = COMMAND_MENUS[(i + step + COMMAND_MENUS.length) % COMMAND_MENUS.length]!;
    setOpen(next);
    bar.current?.querySelector<HTMLElement>(`[data-menu="${next}"]`)?.focus();
  };

  return (
    <div className="menubar" role="menubar" aria-label="Menu" ref={bar}>
      {COMMAND_MENUS.map((menu) => (
        <div key={menu} className="menubar-entry">
          <button
            type="button"
            role="menuitem"
            data-menu={menu}
            aria-haspopup="menu"
            aria-expanded={open === menu}
            className={open === menu ? 'is-open' : undefined}
            onClick={() => setOpen(open === menu ? null : menu)}
            onMouseEnter={() => open && open !== menu && setOpen(menu)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setOpen(menu);
              } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault();
                switchTo(menu, e.key === 'ArrowRight' ? 1 : -1);
              }
            }}
          >
            {MENU_TITLES[menu]}
          </button>
          {open === menu && (
            <Dropdown
              menu={menu}
              onClose={(refocus) => {
                setOpen(null);
                if (refocus)
                  bar.current?.querySelector<HTMLElement>(`[data-menu="${menu}"]`)?.focus();
              }}
              onSwitch={(step) => switchTo(menu, step)}
            />
          )}
        </div>
      ))}
    </div>
  );
}

function Dropdown({
  menu,
  onClose,
  onSwitch,
}: {
  menu: CommandMenu;
  onClose(refocus: boolean): void;
  onSwitch(step: number): void;
}) {
  const commands = useCommands();
  const mode = { mac: commands.mac, browser: commands.browser };
  const items = itemsOf(menu);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const all = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const n = all.length;
      all[(i + (e.key === 'ArrowDown' ? 1 : -1) + n) % n]?.focus();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft')
      onSwitch(e.key === 'ArrowRight' ? 1 : -1);
    else if (e.key === 'Escape') onClose(true);
    else if (e.key === 'Tab') onClose(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      className="menubar-menu"
      role="menu"
      aria-label={MENU_TITLES[menu]}
      ref={list}
      onKeyDown={onKeyDown}
    >
      {items.map((spec) => {
        const id = spec.id as CommandId;
        const why = commands.why(id);
        const keys = keysOf(spec, mode);
        return (
          <div key={id} className={spec.separatorBefore ? 'menubar-section' : undefined}>
            <button
              type="button"
              role="menuitem"
              aria-disabled={why !== null}
              className={why ? 'is-disabled' : undefined}
              title={why ?? spec.hint}
              onClick={() => {
                if (why) return;
                onClose(false);
                commands.run(id);
              }}
            >
              <span>{spec.label}</span>
              {keys && <kbd>{shortcutLabel(keys, mode.mac)}</kbd>}
            </button>
          </div>
        );
      })}
    </div>
  );
}
