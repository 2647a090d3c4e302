"""Findings of the files of a root and of the rules not in the main catalogue: symbolic
links and file names (PL013, PL014), merge conflicts the driver recorded (PL019), the
ranking's fairness rules (PL230, PL231: check/fairness.py), the rules across files
(PL300-PL302) and an invalid config (PL400)."""

from projledger.messages.entry import Entry

E = Entry

ENTRIES: dict[str, Entry] = {
    "PL013.entry": E(
        "台账文件不能是符号链接（git 历史看不到链接指向的内容）；请用文件本身替换该链接",
        "ledger files may not be symbolic links (git history would not show what the link "
        "points to); replace the link with the file",
    ),
    "PL013.file": E(
        "{shown} 是符号链接（指向 {target}）；projledger 不通过链接读写任何内容，链接可能指向"
        "台账根目录之外：请用文件本身替换该链接",
        "{shown} is a symbolic link (to {target}); projledger reads and writes nothing "
        "through a link, which may lead out of the ledger root: replace the link with the "
        "file itself",
    ),
    "PL013.directory": E(
        "{shown} 是符号链接（指向 {target}）；projledger 不通过链接读写任何内容，链接可能指向"
        "台账根目录之外：请用目录本身替换该链接",
        "{shown} is a symbolic link (to {target}); projledger reads and writes nothing "
        "through a link, which may lead out of the ledger root: replace the link with the "
        "directory itself",
    ),
    "PL019": E(
        "合并时双方都修改了 {field!f}：本方为 {ours}（已保留），对方为 {theirs}；"
        "请用 `{command} --take ours` 或 `{command} --take theirs` 保留其一",
        "both sides of a merge changed {field}: ours {ours} (kept), theirs {theirs}; keep "
        "one with `{command} --take ours` or `{command} --take theirs`",
    ),
    "PL019.ours_removed": E(
        "合并时双方都修改了 {field!f}：本方已将其删除（已保留），对方为 {theirs}；"
        "请用 `{command} --take ours` 或 `{command} --take theirs` 保留其一",
        "both sides of a merge changed {field}: ours (removed) (kept), theirs {theirs}; keep "
        "one with `{command} --take ours` or `{command} --take theirs`",
    ),
    "PL019.theirs_removed": E(
        "合并时双方都修改了 {field!f}：本方为 {ours}（已保留），对方已将其删除；"
        "请用 `{command} --take ours` 或 `{command} --take theirs` 保留其一",
        "both sides of a merge changed {field}: ours {ours} (kept), theirs (removed); keep "
        "one with `{command} --take ours` or `{command} --take theirs`",
    ),
    "PL230.person": E(
        "问题 {id} 已销号，核验人 {verifier} 是该问题的责任人（{person}）：问题应由本机关在办理"
        "单位之外核验（配置项 `ranking.verifier_outside_unit`）；请填写实际核验的人员",
        "issue {id} is closed (销号) with verifier {verifier}, who is the issue's responsible "
        "person ({person}): an issue is verified by the office, outside the unit that handled "
        "it (config `ranking.verifier_outside_unit`); name the verifier who checked it",
    ),
    "PL230.unit": E(
        "问题 {id} 已销号，核验人 {verifier} 属于责任单位 {unit}：问题应由本机关在办理单位之外"
        "核验（配置项 `ranking.verifier_outside_unit`）；请填写实际核验的人员",
        "issue {id} is closed (销号) with verifier {verifier}, who is of the responsible unit "
        "{unit}: an issue is verified by the office, outside the unit that handled it "
        "(config `ranking.verifier_outside_unit`); name the verifier who checked it",
    ),
    "PL231.not_approver": E(
        "时效 {id} 延期至 {new_due}，批准人 {approver} 既不是本项目的包抓领导（{leader}），"
        "也不在配置项 `ranking.approvers` 中：延期应由包抓领导或配置的批准人批准，"
        "不能由申请延期的单位批准",
        "deadline {id}'s extension to {new_due} was approved by {approver}, who is neither "
        "the project's 包抓领导 ({leader}) nor one of the config's `ranking.approvers`: an "
        "extension is approved by the 包抓领导 or a configured approver, not by the unit "
        "that asks for it",
    ),
    "PL231.own_unit": E(
        "时效 {id} 延期至 {new_due}，批准人 {approver} 属于该事项的责任单位 {unit}："
        "延期应由包抓领导或配置的批准人批准，不能由申请延期的单位批准",
        "deadline {id}'s extension to {new_due} was approved by {approver}, who is of "
        "{unit}, the unit whose item it is: an extension is approved by the 包抓领导 or a "
        "configured approver, not by the unit that asks for it",
    ),
    "PL300": E(
        "项目编号 {value} 也被 {others!l} 使用；每个项目的编号应各不相同",
        "project id {value} is also used by {others!l}; each project has its own",
    ),
    "PL301": E(
        "项目代码 {value} 也被 {others!l} 使用；每个项目应有自己的项目代码",
        "national project code {value} is also used by {others!l}; each project has its own",
    ),
    "PL302": E(
        "项目名称 {value} 也被 {others!l} 使用；每个项目应有自己的名称",
        "project name {value} is also used by {others!l}; each project has its own",
    ),
    "PL400": E(
        "projledger.yaml 未通过检查，项目文件中的单位、人员和阶段因此未予核对；请先修正上述问题",
        "projledger.yaml is invalid, so units, people and stages in project files are not "
        "checked; fix the findings above",
    ),
}
