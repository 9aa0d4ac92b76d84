//! What a command asks of the window itself — the clipboard, full screen —
//! queued while commands run and carried out at the end of the frame, so that running a
//! command needs no egui context.

use super::PlanExplorerApp;

/// What a command asks of the window itself; carried out at the end of the frame, so that
/// running a command needs no egui context.
pub(super) enum Effect {
    CopyText(String),
    Fullscreen(bool),
    /// The slides' window full screen on this monitor (winit's order of monitors).
    SlidesOnMonitor(usize),
    /// The speaker view's window full screen on this monitor.
    SpeakerOnMonitor(usize),
}

impl PlanExplorerApp {
    pub(super) fn carry_out_effects(&mut self, ctx: &egui::Context) {
        for effect in self.effects.drain(..) {
            match effect {
                Effect::CopyText(text) => ctx.copy_text(text),
                Effect::Fullscreen(on) => ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on)),
                Effect::SlidesOnMonitor(k) => ctx.send_viewport_cmd(egui::ViewportCommand::SetMonitor(k)),
                Effect::SpeakerOnMonitor(k) => {
                    ctx.send_viewport_cmd_to(super::speaker::speaker_viewport(), egui::ViewportCommand::SetMonitor(k))
                }
            }
        }
    }
}
