//! The incident words in Simplified Chinese. Names and ids typed by people
//! are in Chinese quotation marks (“net-switch”); lists of ids are joined as
//! the English are, except a list of incidents, joined with 、.

use std::io::ErrorKind;

use super::words::{
    AudienceWords, ChannelWords, EventWords, FailureWords, FieldWords, FileKindWords, FileOpWords,
    FollowWords, LineFaultWords, LogErrorWords, NoticeWords, OsWords, OutcomeWords, RefusalWords,
    StatusWords, UndoWords, WhenWords, Words,
};

pub(super) const WORDS: Words = Words {
    plan: &crate::i18n::plan::ZH,
    // The kinds of system error an operator can act on are named; the
    // system's own text (in English) follows in brackets.
    os_error: OsWords {
        kind: |kind| {
            Some(match kind {
                ErrorKind::StorageFull => "磁盘已满",
                ErrorKind::PermissionDenied => "没有写入权限",
                ErrorKind::NotFound => "找不到该文件或文件夹",
                ErrorKind::ReadOnlyFilesystem => "所在磁盘是只读的",
                ErrorKind::FileTooLarge => "文件超过了大小限制",
                ErrorKind::IsADirectory => "该路径是一个文件夹",
                ErrorKind::NotADirectory => "路径中的某一级不是文件夹",
                ErrorKind::AlreadyExists => "已经存在",
                ErrorKind::QuotaExceeded => "超出了磁盘配额",
                _ => return None,
            })
        },
        named: |words, detail| format!("{words}（{detail}）"),
        unnamed: |detail| format!("系统报告：{detail}"),
    },
    when: WhenWords {
        not_a_time: |t| format!("“{t}”不是时间：请写 HH:MM、YYYY-MM-DD HH:MM 或 RFC 3339 格式"),
        not_in_zone: |t| format!("本地时区没有“{t}”这个时间（夏令时跳过）"),
        in_future: |t| format!("“{t}”是将来的时间；只能记录已经发生的事"),
        too_early: |t| format!("“{t}”早于 2000 年，请检查日期"),
    },
    line_fault: LineFaultWords {
        no_hash: "该行没有哈希值",
        not_a_record: |e| format!("不是有效的记录：{e}"),
        hash_not_last: "哈希值不是该行的最后一个字段",
        hash_changed: "哈希值与该行内容不符：写入后被改动过",
        sequence: |found, expected| {
            format!("序号为 {found}，应为 {expected}：有行被删除、重复或移动")
        },
        chain: "与上一行接不上：有行被删除、插入或移动",
    },
    follow: FollowWords {
        unknown_item: |given, known| {
            if known.is_empty() {
                format!("没有整改项 {given}：本事件还没有整改项")
            } else {
                format!("没有整改项 {given}；本事件的整改项有：{known}")
            }
        },
        item_settled: |item, done| {
            let how = if done { "已完成" } else { "已撤销" };
            format!("整改项 {item} {how}；还有工作请新增一项")
        },
        field_item: "整改项内容",
        field_owner: "负责人",
        added: |item, text, owner, due| {
            if item.is_empty() {
                format!("整改项：{text}（负责人 {owner}{due}）")
            } else {
                format!("整改项 {item}：{text}（负责人 {owner}{due}）")
            }
        },
        due: |date| format!("，{date} 前完成"),
        done: |item, note| {
            if note.is_empty() {
                format!("整改项 {item} 已完成")
            } else {
                format!("整改项 {item} 已完成：{note}")
            }
        },
        dropped: |item, reason| format!("整改项 {item} 撤销：{reason}"),
        review: |field, text| format!("复盘·{field}：{text}"),
        after_close: "【关闭后记录】",
        summary: "概述",
        went_well: "做得好的",
        went_badly: "做得不好的",
        causes: "原因",
        factors: "促成因素",
    },
    notice: NOTICE,
    refusal: REFUSAL,
    field: FieldWords {
        title: "标题",
        reason: "原因",
        value: "数值",
        message: "消息内容",
        note: "备注",
        commander: "新指挥人",
        summary: "总结",
    },
    log_error: LOG_ERROR,
    failure: FAILURE,
    file_op: FileOpWords {
        create_incidents: "无法创建事件文件夹",
        create_incident: "无法创建本事件的文件夹",
        sync_incidents: "无法同步事件文件夹",
        create_folder: "无法创建文件夹",
        write_plan_copy: "无法写入预案副本",
        read_plan_copy: "无法读取预案副本",
        close_session: "所有记录都已保存，只是无法写入正常退出的结束标记",
        remember_joined: "本设备的日志已在该事件中建立，但无法写入已加入事件的列表；请用文件夹路径找到它：",
    },
    channel: ChannelWords {
        sms: "短信",
        app_push: "App推送",
        im: "即时通讯群",
        email: "电子邮件",
        website: "网站公告",
        phone: "电话",
        other: "其他",
    },
    audience: AudienceWords {
        students_parents: "学生和家长",
        teachers: "教师",
        schools: "学校和教育局",
        regulator: "监管部门",
        partners: "合作伙伴",
        media: "媒体",
        internal: "内部通报",
    },
    event: EVENT,
    status: StatusWords {
        done: "完成",
        skipped: |reason| format!("跳过（{reason}）"),
        not_applicable: "不适用",
        deferred: "推迟",
        blocked: |reason| format!("受阻（{reason}）"),
        reopened: "重新打开",
    },
    outcome: OutcomeWords {
        reached: "已联系上",
        no_answer: "无人接听",
        left_message: "已留言",
        wrong_number: "号码错误",
    },
    file_kind: FileKindWords {
        symlink: "符号链接",
        folder: "文件夹",
        fifo: "命名管道（FIFO）",
        socket: "套接字",
        char_device: "设备文件",
        block_device: "磁盘设备",
        other: "特殊文件",
    },
};

const NOTICE: NoticeWords = NoticeWords {
    continues_in_rescue: |rescue| {
        format!("此文件夹曾经无法写入，日志已在 {rescue} 中继续；完整记录请打开那个文件夹")
    },
    damaged_somewhere: |file| format!("{file} 已损坏；文件保持原样"),
    damaged: |file, line, fault, also, shown| {
        format!("{file} 第 {line} 行已损坏（{fault}）{also}；{shown}；文件保持原样")
    },
    // A count of lines needs no plural: the numbers say it.
    also_damaged: |_, lines| format!("；另有第 {lines} 行损坏"),
    shown_after_damage: |following| match following {
        0 => "显示此前的记录".to_owned(),
        n => format!("显示此前的记录，以及其后自身校验无误的 {n} 条记录（标为“损坏之后”）"),
    },
    damaged_continued: |file, line, next| {
        format!("{file} 因第 {line} 行损坏，保持原样、不再写入；本设备的日志在 {next} 中继续")
    },
    torn_tail: |file, at, bytes| {
        format!(
            "{file} 末尾有一行不完整（第 {at} 字节起，共 {bytes} 字节）：可能仍在写入或同步，也可能是崩溃留下的；此前的记录照常读取，该日志所属设备下次写入时会修复"
        )
    },
    repaired: |file, at, cut, kept_in| {
        format!(
            "{file} 末尾有崩溃留下的不完整行（第 {at} 字节起）；这 {cut} 个字节已保存在 {kept_in}，日志已修复"
        )
    },
    unclean: |file| format!("{file} 上一次没有正常结束（崩溃或断电）；已保存的记录都完好"),
    rescue_joined: |from, into| {
        format!(
            "此文件夹无法写入期间，记录曾保存在 {from}；本设备的日志已在 {into} 中接续那些记录，此处的记录重新完整"
        )
    },
    origin_unreadable: |file, origin| {
        format!("{file} 接续的日志 {origin} 在这里读不到；只显示接续之后的记录")
    },
    unwritable: |file, error| {
        format!("{file} 无法写入（{error}）；在日志转到其他位置继续之前，新记录都【未保存】")
    },
    clock_skew: |device, ahead_of, minutes| {
        format!(
            "{device} 的时钟似乎比 {ahead_of} 慢至少 {minutes} 分钟：它的一条记录写于读到 {ahead_of} 一条时间更晚的记录之后；各设备的时间按其记录原样显示"
        )
    },
    conflict: |earlier, later, what| {
        format!(
            "{earlier} 和 {later} 在互不知情的情况下都修改了{what}；两条记录都保留，以合并顺序在后的 {later} 的修改为准"
        )
    },
    conflict_step: |step| format!("步骤 {step}"),
    conflict_level: "响应等级",
    sync_conflict: |file| {
        format!(
            "{file} 是同步软件留下的冲突副本（两台设备改了同一个文件）；runbook 不读取它，请与同名日志核对"
        )
    },
    not_a_file: |file, kind| {
        format!(
            "{file} 应是普通文件，却是{kind}：runbook 不读取它，也不经由它写入，其余文件照常读取；请查明是谁放在那里的，并把它移出事件文件夹"
        )
    },
    shared_start: |file, other, lines| {
        format!(
            "{file} 与 {other} 开头的 {lines} 行相同，从第 {lines} 行之后分开：其中一个是从另一个复制后改动的，或同一设备的日志链出现了分叉；仅凭文件无法判断哪个是原件，请核对记下的日志头哈希"
        )
    },
    shared_all: |file, other, lines| {
        format!(
            "{file} 与 {other} 的 {lines} 行完全相同：其中一个是另一个的副本；其中的记录只显示一次"
        )
    },
    shared_origin: |file, other, origin, line| {
        format!(
            "{file} 与 {other} 都从 {origin} 的第 {line} 行之后接续：同一设备的日志链出现了分叉；两者的记录都会显示"
        )
    },
    // A count needs no plural.
    foreign_entries: |file, device, named, count, shown| {
        let named = if count > 1 {
            format!("第一条为 {named}")
        } else {
            named.to_owned()
        };
        let kept = if shown == 0 {
            "它们在其他日志中也有，时间线按那些日志显示".to_owned()
        } else if shown == count {
            "这些记录予以保留，并在时间线中标出".to_owned()
        } else {
            format!(
                "这些记录予以保留，时间线中取自此日志的 {shown} 条已标出（其余在其他日志中也有）"
            )
        };
        format!(
            "{file} 由设备 {device} 开启，但其中 {count} 条记录写的是另一台设备（{named}）：可能是伪造的日志，或混入了其他设备的记录；{kept}"
        )
    },
    misnamed: |file, device| {
        format!(
            "{file} 的文件名属于另一台设备，而其开启记录写的是设备 {device}：这是从 {device} 的日志复制或改名而来的"
        )
    },
    duplicated: |file, kept_in, count| {
        format!(
            "{file} 中有 {count} 条记录与 {kept_in} 中的完全相同：日志被复制过；每条只显示一次（取自 {kept_in}）"
        )
    },
    declarations: |count, used, others| {
        format!(
            "日志中有 {count} 条事件宣布记录，而一个事件只应有一条：本事件按合并顺序中的第一条读取：{used}；未采用：{}。此文件夹中混入了其他事件的日志或伪造的日志",
            others.join("；")
        )
    },
    declaration: |title, level, at, device, file| {
        format!("“{title}”，等级 {level}，{at} 由 {device} 记录（{file}）")
    },
};

const REFUSAL: RefusalWords = RefusalWords {
    closed: "事件已关闭；如需继续处置，请先重新打开",
    already_open: "事件尚未关闭",
    unknown_class: |given, known| format!("预案中没有故障分类“{given}”；现有分类：{known}"),
    unknown_level: |given, known| format!("预案中没有等级“{given}”；现有等级：{known}"),
    unknown_step: |step| format!("本事件的检查单中没有步骤“{step}”"),
    wrong_kind: |step, kind| format!("步骤“{step}”不是{kind}步骤"),
    kind_record: "记录",
    kind_decision: "判断",
    answer_first: |step| format!("步骤“{step}”是判断步骤：以回答“是”或“否”完成，不能直接标记完成"),
    value_first: |step| format!("步骤“{step}”需要记录数值或内容：记录后即完成，不能直接标记完成"),
    not_a_count: |step, value| format!("步骤“{step}”要填整数，不能填“{value}”"),
    not_a_choice: |step, value, choices| {
        let list: Vec<String> = choices
            .iter()
            .map(|(id, label)| format!("{label}（{id}）"))
            .collect();
        format!(
            "步骤“{step}”只能从其选项中选择，不能填“{value}”：{}",
            list.join("、")
        )
    },
    unknown_question: |given, known| format!("本故障分类没有研判问题“{given}”；现有问题：{known}"),
    no_level: "请选择等级，或至少对一个研判问题回答“是”，以便预案给出建议等级",
    level_reason_missing: |suggested, chosen| {
        format!("研判结果建议 {suggested} 级；改定为 {chosen} 级需要说明原因")
    },
    discovered_later: "发现时间晚于现在；故障应先发现、后启动响应",
    before_discovery: "该时间早于故障发现时间；如确实发生在那时，请确认（命令行加 --before-discovery，窗口中再按一次回车）",
    unknown_template: |id| format!("预案中没有通知模板“{id}”"),
    no_audience: "不用模板的消息需要选择发送对象",
    unknown_target: |what, id| format!("预案中没有{what}“{id}”"),
    target_role: "岗位",
    target_person: "人员",
    target_external: "外部联系人",
    unknown_duty: |id| format!("本事件经历过的等级中没有报告义务“{id}”"),
    same_level: |level| format!("事件已经是 {level} 级"),
    warning_not_in_force: |level| format!("{level} 级预警并未发布"),
    empty: |field| format!("{field}不能为空"),
    unfilled: |name| format!("消息中还有未填写的 {{{name}}}：请填写或删除后再发送"),
    unknown_entry: |at, device| format!("没有 {at} 在 {device} 上记录的条目可以更正"),
    not_a_drill: "只有演练才能指定演练场景",
    no_alert: |given, standing| {
        if standing.is_empty() {
            format!("现在没有变黄或变红的时限，“{given}”没有提醒可确认")
        } else {
            format!("“{given}”没有提醒可确认；现在变黄或变红的：{standing}")
        }
    },
    snooze_minutes: |given, max| format!("稍后提醒只能是 1 到 {max} 分钟，不能是 {given}"),
    unknown_scenario: |given, known| format!("预案中没有演练场景“{given}”；预案的演练有：{known}"),
    too_long: |field, bytes, max, in_mib| {
        format!("{field}过长：{bytes} 字节，一条记录最多 {max} 字节{in_mib}；请分成几条记录")
    },
    in_mib: |mib| format!("（{mib} MiB）"),
    clock_wrong: |now, plan_date, ahead| {
        let when = if ahead {
            "晚了几十年"
        } else {
            "早得多"
        };
        format!(
            "本机时钟显示 {now}，比本预案的日期（{plan_date}）{when}：时钟不可能正确，用它记录的条目会永远排错顺序。本次未写入任何内容。请先校正电脑的日期和时间（Linux：sudo date -s 'YYYY-MM-DD HH:MM'），再重做一次"
        )
    },
    undo: UndoWords {
        nothing: "本机上没有你可以撤销的记录",
        stands: |at, device| {
            format!(
                "{at} 在 {device} 上的记录不能撤销：通知、等级调整、预警、交接、关闭、重新打开和复盘记录一经记录即成立；请做相反的操作（整改项可注明原因撤销），或用备注更正"
            )
        },
        already: |at, device| format!("{at} 在 {device} 上的记录已经撤销"),
        not_yours: |at, device| {
            format!(
                "{at} 在 {device} 上的记录是其他人或其他设备的：只有记录人本人可以撤销；请用备注更正"
            )
        },
        too_late: |at, device, minutes| {
            format!("{at} 在 {device} 上的记录已超过 {minutes} 分钟，不再撤销：请用备注更正")
        },
    },
    unknown_name: |given| format!("预案中没有编号或名称为“{given}”的岗位、人员或外部联系人"),
    ambiguous_name: |given, matches| {
        let list: Vec<String> = matches
            .iter()
            .map(|(id, name)| format!("{id}（{name}）"))
            .collect();
        format!("“{given}”可能指 {}：请改用其中一个编号", list.join("、"))
    },
    which_call: |who, calls| {
        let list: Vec<String> = calls
            .iter()
            .map(|(order, name)| format!("{order} {name}"))
            .collect();
        format!(
            "{who}可以接听多个尚未接通的呼叫（{}）：请说明这次呼叫是为哪一个（命令行用 --for）",
            list.join("；")
        )
    },
};

const LOG_ERROR: LogErrorWords = LogErrorWords {
    locked: |path| {
        format!(
            "另一个 runbook 正在写入 {path}；请使用那个窗口，或先关闭它（两处同时写入会损坏日志）"
        )
    },
    open: |path, error| format!("无法打开日志 {path}：{error}；请为日志选择其他文件夹"),
    write: |path, error| {
        format!(
            "无法保存到 {path}：{error}。这条记录保留在内存中，但【未保存】；请把日志转到其他文件夹继续"
        )
    },
    failed: |path| format!("日志 {path} 之前写入失败，已停止写入；请把日志转到其他文件夹继续"),
    damaged: |path, line, fault| {
        format!("{path} 第 {line} 行已损坏：{fault}。runbook 不会再写入该文件，日志在新文件中继续")
    },
    read: |path, error| format!("无法读取日志 {path}：{error}"),
    not_a_file: |path, kind| {
        format!(
            "{path} 是{kind}，不是普通文件：runbook 从不读取它或经由它写入，什么也没有写入；请把它移出事件文件夹后再试"
        )
    },
    shared_mode: |path, mode| {
        format!(
            "{path} 可被所有者以外的人读取或写入（权限 {mode}），而日志必须保密：runbook 没有写入它，什么也没有写入。如果它是本设备的日志，请将其设为仅所有者可读写（chmod 600 {path}）后再试"
        )
    },
    shared_links: |path, names| {
        format!(
            "{path} 有 {names} 个名字（硬链接）：写入它也会写到它的其他名字下，可能在事件文件夹之外；runbook 没有写入它，什么也没有写入。请删除它的其他名字后再试"
        )
    },
};

const FAILURE: FailureWords = FailureWords {
    file: |what, path, error| format!("{what} {path}：{error}"),
    plan_copy: |path, first| format!("事件文件夹中的预案副本 {path} 无法加载：{first}"),
    replay: |dir, why| format!("{dir}：{why}"),
    replay_empty: "日志中没有任何记录：事件从未启动",
    replay_not_declared: "日志不是以启动响应开头的",
    not_found: |given| format!("找不到事件“{given}”"),
    ambiguous: |given, matches| {
        format!(
            "“{given}”对应多个事件，且其中进行中的不止一个（或一个也没有）：{}；请给出完整的文件夹名（即 runbook incident list 所列），或其中更长的一段",
            matches.join("、")
        )
    },
    device_name_clash: |device, taken_by, dir| {
        format!(
            "另一台电脑已经以设备名“{taken_by}”在 {dir} 中写入，它的日志文件名与“{device}”的相同；本次未写入任何内容。请给这台电脑另起一个字母或数字不同的名字（--device 名称，或 RUNBOOK_DEVICE）"
        )
    },
    device_taken: |device, dir| {
        format!(
            "另一台电脑已经以设备名“{device}”在 {dir} 中写入；本次未写入任何内容。请给这台电脑另起一个名字（--device 名称，或 RUNBOOK_DEVICE）"
        )
    },
};

const EVENT: EventWords = EventWords {
    declared: |kind, title, class, level, why| {
        format!("启动{kind}响应：{title}（{class}），{level} 级{why}")
    },
    drill: "演练",
    incident: "事件",
    suggested: |level, reason| format!("（研判建议 {level} 级：{reason}）"),
    level_changed: |from, to, reason| format!("响应等级 {from} → {to}：{reason}"),
    step_status: |step, status| format!("步骤 {step}：{status}"),
    value_recorded: |step, value| format!("步骤 {step}：记录 {value}"),
    decision: |step, answer, next| format!("步骤 {step}：回答“{answer}”→ {next}"),
    yes: "是",
    no: "否",
    called: |who, outcome, note| format!("呼叫 {who}：{outcome}{note}"),
    call_note: |note| format!("（{note}）"),
    message: |audience, via, first_line| format!("发给{audience}的消息{via}：{first_line}"),
    via: |channel| format!("（{channel}）"),
    correction: |at, text| format!("更正 {at} 的记录：{text}"),
    note: |text| format!("备注：{text}"),
    step_note: |step, text| format!("步骤 {step} 备注：{text}"),
    warning_issued: |level| format!("发布 {level} 级预警"),
    warning_lifted: |level| format!("解除 {level} 级预警"),
    handed_over: |from, to, note| {
        if note.is_empty() {
            format!("指挥权由 {from} 移交给 {to}")
        } else {
            format!("指挥权由 {from} 移交给 {to}：{note}")
        }
    },
    duty_done: |duty, note| format!("报告义务 {duty} 已履行 {note}"),
    closed: |summary| format!("关闭：{summary}"),
    reopened: |reason| format!("重新打开：{reason}"),
    scenario_named: |id, name| {
        if name == id {
            format!("演练场景：{id}")
        } else {
            format!("演练场景：{name}（{id}）")
        }
    },
    undone: |at| format!("撤销 {at} 的记录"),
    undone_what: |line, what| format!("{line}（{what}）"),
    clock_acknowledged: |what, red, snooze| {
        let stage = if red { "红色" } else { "黄色" };
        match snooze {
            Some(m) => format!("{what}的{stage}提醒稍后 {m} 分钟再提醒"),
            None => format!("确认了{what}的{stage}提醒"),
        }
    },
    status_update: "下次通报",
};
