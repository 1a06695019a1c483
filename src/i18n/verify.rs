//! The words of `runbook verify`, in Chinese and English.
//!
//! Each finding is a line that begins with the file it is about and a
//! verdict token a script matches: `OK`, `BAD`, `BAD at line N`,
//! `REPAIRED at line N`, `UNCLOSED`, `NOTE`, `FOUND`, `FOUND IN A COPY OR
//! FORK`, `NOT FOUND`. The tokens stay as they are in both languages (the
//! documented verifier and the regulator's scripts read them); only the
//! explanation after them is translated, and that is what this table holds.

/// The explanations of `verify`'s findings in one language.
#[allow(missing_docs)] // Each field's name says what it is.
pub struct VerifyTr {
    // A folder.
    pub no_log_files: &'static str,
    pub conflict_copy: &'static str,
    pub no_declaration: &'static str,
    pub declarations: fn(n: usize) -> String,
    pub a_declaration: fn(title: &str, level: &str, at: &str, device: &str) -> String,
    pub short: fn(seen_in: &str, seen: u64, writer: &str, holds: u64) -> String,
    pub continues_in: fn(place: &str) -> String,
    pub record_ok: fn(files: usize, sessions: usize) -> String,
    pub record_bad: &'static str,
    // Copies and forks.
    pub same_lines: fn(other: &str, lines: u64) -> String,
    pub part_after: fn(other: &str, lines: u64) -> String,
    pub both_continue: fn(other: &str, origin: &str, line: u64) -> String,
    pub duplicated: fn(count: u64, also_in: &str) -> String,
    pub dangling: fn(at: &str, device: &str) -> String,
    // A file.
    pub only_torn: fn(bytes: u64) -> String,
    pub empty: &'static str,
    pub line_kept: &'static str,
    pub after_damage: fn(n: u64, first: u64, last: u64) -> String,
    pub torn_tail: fn(bytes: u64, at: u64) -> String,
    pub misnamed: fn(device: &str) -> String,
    pub foreign: fn(named: &str, device: &str, count: u64) -> String,
    pub other_plan: fn(plan_file: &str) -> String,
    pub unclosed: &'static str,
    pub file_ok: fn(lines: u64, sessions: usize, head: &str) -> String,
    pub repaired: fn(at_byte: u64, cut_bytes: u64, kept_in: &str) -> String,
    pub whole_line_cut: &'static str,
    pub side_file_missing: &'static str,
    pub side_file_length: fn(len: u64, cut: u64) -> String,
    pub link_holds: fn(stored: &str, line: u64) -> String,
    pub link_missing: fn(target: &str) -> String,
    pub link_no_line: fn(target: &str, line: u64) -> String,
    // A head written down earlier.
    pub head_not_looked_for: &'static str,
    pub head_not_found: &'static str,
    pub lines_after: fn(n: usize) -> String,
    pub found: fn(line: u64, file: &str, after: &str, hash: &str) -> String,
    pub found_in_copy: fn(line: u64, file: &str, after: &str, hash: &str, other: &str) -> String,
}

/// 简体中文.
pub const ZH: VerifyTr = VerifyTr {
    no_log_files: "此文件夹中没有日志文件（log-*.jsonl）",
    conflict_copy: "同步软件留下的冲突副本（两台设备同时改了同一个文件）；runbook 不读它：请与它名字所指的日志对照",
    no_declaration: "没有任何日志含有事件宣告：含有它的日志缺失或已损坏",
    declarations: |n| {
        format!("这些日志含有 {n} 条事件宣告，而一个事件只有一条：别的事件的日志被放进了这个文件夹")
    },
    a_declaration: |title, level, at, device| {
        format!("一条事件宣告：{title:?}，{level} 级，{at} 记录于 {device}")
    },
    short: |seen_in, seen, writer, holds| {
        format!(
            "{seen_in} 中的一条记录说其设备已见到 {writer} 的 {seen} 条记录，但这里的日志只有 {holds} 条：{writer} 的日志缺失或被截短"
        )
    },
    continues_in: |place| format!("记录在 {place} 中继续，其日志一并检查"),
    record_ok: |files, sessions| format!("整个记录核验无误：{files} 个文件，{sessions} 次写入"),
    record_bad: "记录未通过核验（见上）",
    same_lines: |other, lines| format!("{other} 含有相同的 {lines} 行：其中一个是另一个的副本"),
    part_after: |other, lines| {
        format!(
            "它与 {other} 开头的 {lines} 行相同，在第 {lines} 行之后分开：其中一个是从另一个复制后改动的，或一台设备的链被分叉；哪个是原件，文件本身无法判断"
        )
    },
    both_continue: |other, origin, line| {
        format!("它与 {other} 都接续 {origin} 的第 {line} 行：一台设备的链被分叉")
    },
    duplicated: |count, also_in| {
        format!(
            "此处有 {count} 条记录也在 {also_in} 中，读来完全相同：日志被复制过（时间线中每条只显示一次）"
        )
    },
    dangling: |at, device| {
        format!(
            "一条记录更正了 {device} 于 {at} 记录的条目，但这里没有日志含有该条目：{device} 的日志可能缺失"
        )
    },
    only_torn: |bytes| format!("文件只有一行不完整的内容（{bytes} 字节），是创建时崩溃留下的"),
    empty: "文件是空的",
    line_kept: "（该行本身完好，予以保留）",
    after_damage: |n, first, last| {
        format!("损坏之后有 {n} 行完好内容（第 {first}–{last} 行）被读入，标记为位于损坏之后")
    },
    torn_tail: |bytes, at| {
        format!(
            "最后一行不完整（第 {at} 字节起 {bytes} 字节），是写入时崩溃留下的；runbook 会把这些字节存入旁边的文件，并在下次写这个日志时截掉"
        )
    },
    misnamed: |device| {
        format!(
            "其开头记录写的设备是 {device}，而该设备不以这个文件名写日志：这是从另一台设备的日志复制或改名而来的"
        )
    },
    foreign: |named, device, count| {
        format!(
            "该条目写的设备是 {named}，但其写入会话由 {device} 打开：此日志有 {count} 条记录写的设备与其开头记录不同（伪造的日志，或另一台设备的记录被放了进来）"
        )
    },
    other_plan: |plan_file| {
        format!("这次写入使用的预案与日志旁的 {plan_file} 不同：固定的预案被改过")
    },
    unclosed: "最后一次写入没有结束记录：runbook 仍在写它，或它崩溃了，或文件末尾被截掉",
    file_ok: |lines, sessions, head| format!("{lines} 行，{sessions} 次写入，链头 {head}"),
    repaired: |at_byte, cut_bytes, kept_in| {
        format!(
            "崩溃在第 {at_byte} 字节处留下一行不完整内容；这 {cut_bytes} 字节已截掉，保存在 {kept_in}"
        )
    },
    whole_line_cut: "截掉的字节是一整行、本身可以核验：崩溃不会留下这种情况；有人故意截掉了一行",
    side_file_missing: "保存被截字节的旁边文件缺失",
    side_file_length: |len, cut| format!("旁边文件有 {len} 字节，而不是截掉的 {cut} 字节"),
    link_holds: |stored, line| format!("它接续 {stored} 的第 {line} 行，该行存在"),
    link_missing: |target| format!("它接续 {target}，但该文件缺失"),
    link_no_line: |target, line| {
        format!("它接续 {target} 的第 {line} 行，但该文件没有带有链接所指哈希的这一行：它被改过")
    },
    head_not_looked_for: "未查找：没有可读的日志",
    head_not_found: "这些日志中没有哪一行有这个哈希：链头记下之后日志被改写或截短，或者这个链头属于别的事件",
    lines_after: |n| match n {
        0 => "是文件的最后一行".to_owned(),
        n => format!("其后还有 {n} 行"),
    },
    found: |line, file, after, hash| format!("{file} 第 {line} 行，{after}；完整哈希 {hash}"),
    found_in_copy: |line, file, after, hash, other| {
        format!(
            "{file} 第 {line} 行，{after}；完整哈希 {hash}；该文件与 {other} 共用一条链，两者哪个是原件，文件本身无法判断"
        )
    },
};

fn s(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn su(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// English.
pub const EN: VerifyTr = VerifyTr {
    no_log_files: "no log files (log-*.jsonl) in this folder",
    conflict_copy: "a conflict copy left by a sync engine (two devices changed one file at once); runbook does not read it: compare it with the log it is named after",
    no_declaration: "no log holds the declaration: the log that held it is missing or damaged",
    declarations: |n| {
        format!(
            "the logs hold {n} declarations; an incident has one: logs of other incidents were put in this folder"
        )
    },
    a_declaration: |title, level, at, device| {
        format!("a declaration: {title:?} at level {level}, recorded at {at} on {device}")
    },
    short: |seen_in, seen, writer, holds| {
        format!(
            "an entry in {seen_in} says its device had seen {seen} entries of {writer}, but the logs here hold {holds}: a log of {writer} is missing, or was cut"
        )
    },
    continues_in: |place| {
        format!("the record continues in {place}, whose logs are checked with it")
    },
    record_ok: |files, sessions| {
        format!(
            "the whole record checks out: {files} file{}, {sessions} writing session{}",
            su(files),
            su(sessions)
        )
    },
    record_bad: "the record does not check out (see above)",
    same_lines: |other, lines| {
        format!(
            "{other} holds the same {lines} line{}: one is a copy of the other",
            s(lines)
        )
    },
    part_after: |other, lines| {
        format!(
            "it begins with the same {lines} line{} as {other}, and they part after line {lines}: one was copied from the other and changed, or one device's chain was forked; which is the original the files cannot tell",
            s(lines)
        )
    },
    both_continue: |other, origin, line| {
        format!(
            "it and {other} both continue {origin} after its line {line}: one device's chain was forked"
        )
    },
    duplicated: |count, also_in| {
        let (y, is) = if count == 1 {
            ("y", "is")
        } else {
            ("ies", "are")
        };
        format!(
            "{count} entr{y} here {is} also in {also_in}, the same once read: a copied log (the timeline shows each once)"
        )
    },
    dangling: |at, device| {
        format!(
            "an entry corrects the entry recorded at {at} on {device}, which no log here holds: a log of {device} may be missing"
        )
    },
    only_torn: |bytes| {
        format!(
            "the file holds only an incomplete line ({bytes} bytes), left by a crash while it was being created"
        )
    },
    empty: "the file is empty",
    line_kept: " (the line itself is intact and is kept)",
    after_damage: |n, first, last| {
        format!(
            "{n} intact line{} after the damage (lines {first}–{last}) {} read, marked as following damage",
            s(n),
            if n == 1 { "is" } else { "are" }
        )
    },
    torn_tail: |bytes, at| {
        format!(
            "the last line is incomplete ({bytes} bytes at byte {at}), left by a crash while writing; runbook keeps its bytes in a side file and cuts it when it next writes this log"
        )
    },
    misnamed: |device| {
        format!(
            "its opening record names the device {device}, which does not write under this file's name: a log copied or renamed from another device's"
        )
    },
    foreign: |named, device, count| {
        format!(
            "the entry names the device {named}, but its writing session was opened by {device}: {count} entr{} of this log name another device than their opening record (a forged log, or another device's entries put in it)",
            if count == 1 { "y" } else { "ies" }
        )
    },
    other_plan: |plan_file| {
        format!(
            "this session ran under another plan than the {plan_file} beside the log: the pinned plan was changed"
        )
    },
    unclosed: "the last writing session has no closing record: runbook is still writing it, or it crashed, or the end of the file was cut off",
    file_ok: |lines, sessions, head| {
        format!(
            "{lines} lines in {sessions} session{}, head {head}",
            su(sessions)
        )
    },
    repaired: |at_byte, cut_bytes, kept_in| {
        format!(
            "a crash left an incomplete line at byte {at_byte}; its {cut_bytes} bytes were cut and are kept in {kept_in}"
        )
    },
    whole_line_cut: "the bytes cut are a whole line that checks out by itself: no crash leaves that; a line was cut on purpose",
    side_file_missing: "the side file that keeps the bytes cut is missing",
    side_file_length: |len, cut| format!("the side file holds {len} bytes, not the {cut} cut"),
    link_holds: |stored, line| {
        format!("it continues {stored} after its line {line}, and that line is there")
    },
    link_missing: |target| format!("it continues {target}, which is missing"),
    link_no_line: |target, line| {
        format!(
            "it continues {target} after its line {line}, but that file has no such line with the hash the link names: it was changed"
        )
    },
    head_not_looked_for: "not looked for: no log could be read",
    head_not_found: "no line of these logs has this hash: the log was rewritten or cut after the head was written down, or the head belongs to another incident",
    lines_after: |n| match n {
        0 => "the last line of the file".to_owned(),
        1 => "1 line follows it".to_owned(),
        n => format!("{n} lines follow it"),
    },
    found: |line, file, after, hash| format!("line {line} of {file}, {after}; full hash {hash}"),
    found_in_copy: |line, file, after, hash, other| {
        format!(
            "line {line} of {file}, {after}; full hash {hash}; that file shares its chain with {other}, and which of the two is the original the files cannot tell"
        )
    },
};
