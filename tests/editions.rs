//! The bundled plan in its two editions: the Chinese one is the seed's plan
//! made whole (every chapter and section title of the seed's table of
//! contents), and the English one is the same plan, field for field.

use std::path::Path;

use runbook::model::plan;
use serde_json::Value;

fn load(name: &str) -> plan::Plan {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("plans")
            .join(name),
    )
    .unwrap();
    plan::parse(&bytes).unwrap().plan
}

/// Fields whose values are ids, references, contact details or codes: they
/// must be identical in every edition. Everything else that is a string is
/// text in the edition's language.
const SAME_IN_EVERY_EDITION: &[&str] = &[
    "id",
    "unit",
    "parent",
    "holder",
    "deputies",
    "role",
    "level",
    "class",
    "phase",
    "template",
    "issued_by",
    "lifted_by",
    "keeper",
    "lead",
    "activates",
    "yes",
    "no",
    "key",
    "suggests",
    "min_level",
    "classes",
    "except_classes",
    "duty",
    "Role",
    "Person",
    "External",
    "mobile",
    "office",
    "im",
    "email",
    "format",
    "effective",
    "date",
    "version",
    // Enum values that serialise as plain strings.
    "colour",
    "kind",
    "audience",
    "value",
    "counts_from",
];

/// Walks both editions together; records every difference that is not text.
fn compare(path: &str, field: &str, zh: &Value, en: &Value, out: &mut Vec<String>) {
    match (zh, en) {
        (Value::Object(a), Value::Object(b)) => {
            let keys_a: Vec<&String> = a.keys().collect();
            let keys_b: Vec<&String> = b.keys().collect();
            if keys_a != keys_b {
                out.push(format!("{path}: fields {keys_a:?} vs {keys_b:?}"));
                return;
            }
            for (k, v) in a {
                compare(&format!("{path}.{k}"), k, v, &b[k], out);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                out.push(format!("{path}: {} items vs {}", a.len(), b.len()));
                return;
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(&format!("{path}[{i}]"), field, x, y, out);
            }
        }
        (Value::String(a), Value::String(b)) => {
            // `audience` is a code in templates and text in training.
            // A condition (`when`) holds nothing but ids and answers.
            let code = (SAME_IN_EVERY_EDITION.contains(&field)
                && !(field == "audience" && path.starts_with("plan.training")))
                || path.contains(".when.");
            if code {
                if a != b {
                    out.push(format!("{path}: {a:?} vs {b:?}"));
                }
            } else if a.trim().is_empty() != b.trim().is_empty() {
                out.push(format!("{path}: text in one edition only"));
            } else if placeholders(a) != placeholders(b) {
                out.push(format!(
                    "{path}: placeholders {:?} vs {:?}",
                    placeholders(a),
                    placeholders(b)
                ));
            }
        }
        (a, b) => {
            // Numbers, booleans, nulls and enum variants (which serialise as
            // plain strings, handled above, or as single-key objects).
            if a != b {
                out.push(format!("{path}: {a} vs {b}"));
            }
        }
    }
}

/// The placeholders of a text, sorted: word order differs between languages.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        let Some(end) = rest[i..].find('}') else {
            break;
        };
        out.push(&rest[i + 1..i + end]);
        rest = &rest[i + end + 1..];
    }
    out.sort_unstable();
    out
}

#[test]
fn the_two_editions_have_the_same_ids_references_and_numbers() {
    let zh = serde_json::to_value(load("online-education-platform.ron").doc()).unwrap();
    let en = serde_json::to_value(load("online-education-platform.en.ron").doc()).unwrap();
    let mut differences = Vec::new();
    compare("plan", "", &zh, &en, &mut differences);
    // Only the language tag may differ among the codes.
    differences.retain(|d| !d.starts_with("plan.meta.language"));
    assert!(
        differences.is_empty(),
        "the editions differ:\n{}",
        differences.join("\n")
    );
}

#[test]
fn the_comparison_catches_a_changed_reference() {
    let zh = serde_json::to_value(load("online-education-platform.ron").doc()).unwrap();
    let mut en = zh.clone();
    en["roles"][0]["holder"] = Value::String("someone-else".into());
    en["levels"][0]["update_every_minutes"] = Value::from(45);
    let mut differences = Vec::new();
    compare("plan", "", &zh, &en, &mut differences);
    assert_eq!(differences.len(), 2, "{differences:?}");
}

/// The seed's table of contents, corrected (`的` for the stray `地`).
const TOC: &[(&str, [&str; 3])] = &[
    (
        "总则",
        [
            "应急预案的目的与意义",
            "应急预案的适用范围",
            "应急预案的制定原则",
        ],
    ),
    (
        "组织架构与职责",
        ["应急组织架构", "各岗位职责与分工", "应急协调与沟通机制"],
    ),
    (
        "预警与监测",
        ["预警系统建设", "故障监测机制", "预警信息发布与处理"],
    ),
    (
        "故障分类与响应等级",
        ["故障分类", "响应等级划分", "响应流程与措施"],
    ),
    (
        "技术应急处理",
        ["技术支持团队建设", "技术应急措施", "技术恢复与优化"],
    ),
    (
        "业务应急处理",
        ["业务备份与恢复", "业务调整与优化", "业务应急响应流程"],
    ),
    (
        "信息安全保障",
        ["信息安全防护措施", "信息安全应急响应", "信息安全恢复与优化"],
    ),
    (
        "人员疏散与救援",
        ["人员疏散方案", "救援队伍组建与培训", "应急物资与设备准备"],
    ),
    (
        "公共关系与沟通",
        [
            "信息发布与舆论引导",
            "与政府部门沟通协调",
            "与合作伙伴沟通协调",
        ],
    ),
    (
        "恢复与重建",
        ["系统恢复与重建", "业务恢复与重建", "组织结构恢复与重建"],
    ),
    (
        "应急预案演练与培训",
        ["演练计划与组织", "演练评估与总结", "员工培训与考核"],
    ),
    (
        "应急预案的修订与更新",
        ["修订与更新机制", "修订与更新流程", "修订与更新记录"],
    ),
];

#[test]
fn the_chinese_edition_has_the_seeds_twelve_chapters_and_36_sections() {
    let plan = load("online-education-platform.ron");
    let chapters = &plan.doc().chapters;
    assert_eq!(chapters.len(), 12);
    for (i, ((title, sections), chapter)) in TOC.iter().zip(chapters).enumerate() {
        assert_eq!(chapter.title, *title, "chapter {}", i + 1);
        let got: Vec<&str> = chapter.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(got, sections, "chapter {} {title}", i + 1);
        assert!(
            chapter.sections.iter().all(|s| !s.paragraphs.is_empty()),
            "an empty section in {title}"
        );
    }
}

#[test]
fn the_seeds_own_text_is_kept_and_corrected() {
    let plan = load("online-education-platform.ron");
    let text: String = plan
        .doc()
        .chapters
        .iter()
        .flat_map(|c| &c.sections)
        .flat_map(|s| &s.paragraphs)
        .map(String::as_str)
        .collect();
    assert!(
        text.contains("明确应对突发故障的组织架构和责任分工"),
        "the seed's first purpose"
    );
    assert!(text.contains("预防为主"), "the seed's first principle");
    for damage in ["应急预案地", "地目地", "_，", "_。", "_,"] {
        assert!(
            !text.contains(damage),
            "conversion damage {damage:?} left in the text"
        );
    }
}

#[test]
fn every_fault_class_has_a_concrete_procedure() {
    for edition in [
        "online-education-platform.ron",
        "online-education-platform.en.ron",
    ] {
        let plan = load(edition);
        let ids: Vec<&str> = plan.doc().classes.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "software",
                "hardware",
                "network",
                "data-loss",
                "data-leak",
                "attack",
                "malware",
                "other"
            ]
        );
        let levels: Vec<&str> = plan.doc().levels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(levels, ["I", "II", "III", "IV"]);
        for procedure in &plan.doc().procedures {
            assert!(
                procedure.steps.len() >= 8,
                "{edition}: {} has {} steps",
                procedure.class,
                procedure.steps.len()
            );
        }
        assert!(
            plan.doc()
                .levels
                .iter()
                .all(|l| plan.call_tree(&l.id).is_some()),
            "{edition}: a level without a call tree"
        );
    }
}
