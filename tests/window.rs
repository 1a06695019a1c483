//! The real app in a real window: the binary the tests built opens on the
//! bundled plan under Xvfb (with the software Vulkan driver), draws something
//! that is not blank, and exits cleanly when the window is closed the way a
//! window manager closes it (`WM_DELETE_WINDOW`).
//!
//! Needs `Xvfb` and `mesa-vulkan-drivers`; `scripts/check.sh` installs both.
//! The screenshot is kept at `target/window-smoke.png` for a person to look at.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use x11rb::connection::Connection as _;
use x11rb::protocol::xproto::{self, ConnectionExt as _};
use x11rb::rust_connection::RustConnection;

/// One window test at a time: each runs a whole app on the software renderer,
/// and two at once on two cores make the timeouts flaky.
pub static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Kills the child when dropped, so a failed test leaves no Xvfb behind.
pub struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A virtual X server, shut down cleanly (SIGTERM) when dropped so it
/// removes its lock file: a killed server leaves `/tmp/.X<n>-lock` behind.
pub struct Xvfb(Child);

impl Drop for Xvfb {
    fn drop(&mut self) {
        let terminated = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status()
            .is_ok_and(|s| s.success());
        let start = Instant::now();
        while terminated && start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts Xvfb on a display it picks itself (`-displayfd`: it skips
/// displays in use and clears stale locks) and returns it with the display.
pub fn start_xvfb() -> (Xvfb, String) {
    use std::io::BufRead as _;
    let mut child = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start Xvfb ({e}): install xvfb and mesa-vulkan-drivers (scripts/check.sh does)")
        });
    let mut line = String::new();
    let stdout = child.stdout.take().unwrap();
    std::io::BufReader::new(stdout)
        .read_line(&mut line)
        .unwrap();
    let number: u32 = line
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("Xvfb did not say its display: {line:?}"));
    (Xvfb(child), format!(":{number}"))
}

pub fn atom(conn: &RustConnection, name: &str) -> u32 {
    conn.intern_atom(false, name.as_bytes())
        .unwrap()
        .reply()
        .unwrap()
        .atom
}

/// The app's top-level window, found by its title.
pub fn find_window(conn: &RustConnection, root: u32) -> Option<u32> {
    let net_wm_name = atom(conn, "_NET_WM_NAME");
    let utf8 = atom(conn, "UTF8_STRING");
    let tree = conn.query_tree(root).ok()?.reply().ok()?;
    tree.children.into_iter().find(|&w| {
        [
            (net_wm_name, utf8),
            (
                u32::from(xproto::AtomEnum::WM_NAME),
                u32::from(xproto::AtomEnum::STRING),
            ),
        ]
        .into_iter()
        .any(|(prop, ty)| {
            conn.get_property(false, w, prop, ty, 0, 64)
                .ok()
                .and_then(|c| c.reply().ok())
                .is_some_and(|r| r.value == b"runbook")
        })
    })
}

/// The screen's pixels as RGB, and how many distinct colours they hold.
pub fn screenshot(conn: &RustConnection, root: u32, w: u16, h: u16) -> (Vec<u8>, usize) {
    let image = conn
        .get_image(xproto::ImageFormat::Z_PIXMAP, root, 0, 0, w, h, !0)
        .unwrap()
        .reply()
        .unwrap();
    // 24-bit depth comes as 32 bits per pixel, little-endian BGRX.
    let rgb: Vec<u8> = image
        .data
        .chunks_exact(4)
        .flat_map(|p| [p[2], p[1], p[0]])
        .collect();
    let mut colours: Vec<[u8; 3]> = rgb.chunks_exact(3).map(|p| [p[0], p[1], p[2]]).collect();
    colours.sort_unstable();
    colours.dedup();
    (rgb, colours.len())
}

/// Runs the app in a fresh Xvfb with `args` and `env`, checks the window is
/// drawn, saves a screenshot as `target/<shot>.png`, closes the window and
/// checks the app exits cleanly.
/// Closes the window as a window manager does (a `WM_DELETE_WINDOW` client
/// message: destroying it from outside makes winit panic, which no user
/// sees) and waits up to 30 s for the app to exit.
pub fn close_as_a_desktop_does(
    conn: &RustConnection,
    window: u32,
    app: &mut Killed,
) -> std::process::ExitStatus {
    let protocols = atom(conn, "WM_PROTOCOLS");
    let delete = atom(conn, "WM_DELETE_WINDOW");
    let event = xproto::ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
    conn.send_event(false, window, xproto::EventMask::NO_EVENT, event)
        .unwrap();
    conn.flush().unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = app.0.try_wait().unwrap() {
            return status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the app did not exit after its window was closed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn smoke(args: &[&str], env: &[(&str, &str)], shot: &str) -> String {
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let (_xvfb, display) = start_xvfb();
    let home = tempfile::tempdir().unwrap();
    let log = home.path().join("app.log");
    let app = Command::new(env!("CARGO_BIN_EXE_runbook"))
        .args(args)
        .envs(env.iter().copied())
        .env("DISPLAY", &display)
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("LANG", "zh_CN.UTF-8")
        .stdout(std::fs::File::create(&log).unwrap())
        .stderr(std::fs::File::create(home.path().join("app.err")).unwrap())
        .spawn()
        .unwrap();
    let mut app = Killed(app);
    let (conn, screen) = RustConnection::connect(Some(&display)).unwrap();
    let root = conn.setup().roots[screen].root;
    let start = Instant::now();
    let window = loop {
        if let Some(w) = find_window(&conn, root) {
            break w;
        }
        if let Ok(Some(status)) = app.0.try_wait() {
            let err = std::fs::read_to_string(home.path().join("app.err")).unwrap_or_default();
            panic!("the app exited ({status}) before opening its window:\n{err}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no window titled runbook after 60 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    // Wait for the first frames: a blank screen has one or two colours.
    let (rgb, colours) = loop {
        let shot = screenshot(&conn, root, 1280, 800);
        if shot.1 > 50 || start.elapsed() > Duration::from_secs(60) {
            break shot;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let png = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/{shot}.png"));
    image::save_buffer(&png, &rgb, 1280, 800, image::ColorType::Rgb8).unwrap();
    assert!(
        colours > 50,
        "the window looks blank ({colours} colours); see {}",
        png.display()
    );

    let status = close_as_a_desktop_does(&conn, window, &mut app);
    let err = std::fs::read_to_string(home.path().join("app.err")).unwrap_or_default();
    assert!(status.success(), "the app exited with {status}:\n{err}");
    err
}

#[test]
fn the_app_opens_a_real_window_on_the_bundled_plan_and_closes_cleanly() {
    let err = smoke(&[], &[], "window-smoke");
    assert!(!err.contains("panicked"), "{err}");
}

/// eframe's own system-font provider panics (exit 101) when fontconfig finds
/// no fonts at all; the app's guarded provider must survive it, even when the
/// plan has characters the bundled font lacks.
#[test]
fn the_app_survives_a_system_with_no_fonts_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let fontconfig = dir.path().join("fonts.conf");
    std::fs::write(
        &fontconfig,
        "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n",
    )
    .unwrap();
    let minimal =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/minimal.ron"))
            .unwrap();
    // CJK Extension A and B characters: outside GB 2312 and the bundled subset.
    let plan = dir.path().join("rare.ron");
    std::fs::write(
        &plan,
        minimal.replace(
            "Example platform emergency plan",
            "罕见字 㐀㐁 𠀀𠀁 emergency plan",
        ),
    )
    .unwrap();
    let err = smoke(
        &[plan.to_str().unwrap()],
        &[("FONTCONFIG_FILE", fontconfig.to_str().unwrap())],
        "window-no-fonts",
    );
    assert!(
        !err.contains("panicked"),
        "the provider's panics reach the terminal:\n{err}"
    );
    assert!(
        err.contains("using the bundled fonts only"),
        "no plain message about the fonts:\n{err}"
    );
}
