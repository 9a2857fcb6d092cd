# Kapok 用户界面：简体中文

site-name = Kapok
site-tagline = 城市创新奖项及其公共案例库
skip-to-content = 跳至正文
nav-home = 首页
nav-awards = 奖项
nav-library = 案例库
nav-cities = 城市
nav-api = 开放数据（API）
nav-main = 主导航
lang-switch = 语言
footer-about = Kapok 全流程运营城市创新奖项，并将每一份参评案例收入公共案例库。
footer-data = 数据来源：广州奖信息来自公开新闻稿；案例来自联合国开发计划署加速器实验室“SDG 创新共享库”（MIT 许可）；地名来自 GeoNames（CC BY 4.0）。

home-title = 借鉴城市的实践
home-intro = 每一届奖项的每一个参评案例都在同一个案例库中：城市做了什么、带来了哪些改变、可以向谁请教。
home-stats = 来自 { $countries } 个国家 { $cities } 座城市的 { $initiatives } 个案例，涵盖 { $awards } 个奖项、{ $editions } 届评选。
home-awards = 奖项
home-recent = 最新获奖案例
home-browse = 浏览案例库

awards-title = 奖项
award-editions = 历届
award-organisers = 主办方：{ $organisers }
award-website = 官方网站
award-entry-count = { $count } 个已发布案例
award-edition-count = { $count } 届
award-no-editions = 尚未公布任何一届。

edition-title = { $award } { $year }
edition-ordinal = 第 { $ordinal } 届
edition-timeline = 评选周期
edition-timezone = 时间以 { $zone } 显示。
edition-no-dates = 本届的日期没有记录。
edition-themes = 主题
edition-criteria = 评审标准
criterion-weight = 权重 { $weight }
criterion-scale = 分值 { $min }–{ $max }
edition-settings = 评选名额
edition-sizes = 入围长名单 { $long } 个，短名单 { $short } 个，获奖者至多 { $winners } 个。
edition-committees = 技术委员会 { $tc } 位专家；评审团 { $jury } 位成员。
edition-reported = 公布数据：来自 { $countries } 个国家 { $cities } 座城市的 { $entries } 个有效参评项目。
edition-results = 评选结果
edition-no-results = 本届尚未公布评选结果。
edition-notes = 记录说明
results-winners = 获奖城市
results-medals = 荣誉奖章
results-shortlist = 短名单
results-long-list = 长名单（优秀案例）
results-public-vote = 网络投票
results-special-mention = 特别提名
results-other-honours = 其他公众荣誉
results-votes = { $votes } 票
edition-entries-link = 本届全部 { $count } 个已发布案例

milestone-launch = 启动与征集
milestone-registration_deadline = 报名截止
milestone-early_bird_deadline = 早鸟截止
milestone-final_deadline = 申报截止
milestone-committee_meeting = 技术委员会会议
milestone-shortlist_release = 公布短名单
milestone-public_vote = 网络投票
milestone-presentations = 入围城市陈述
milestone-jury_meeting = 评审团会议
milestone-ceremony = 颁奖典礼

status-withdrawn = 已撤回
status-submitted = 已提交
status-valid = 有效参评
status-deserving = 长名单
status-shortlisted = 入围短名单
status-medal_of_honour = 荣誉奖章
status-winner = 获奖

honour-public_vote = 网络投票获胜城市
honour-special_mention = 特别提名
honour-media_attention = 媒体关注
honour-public_recommendation = 公众推荐

level-municipal = 城市
level-district = 城区
level-metropolitan = 大都市政府
level-regional = 地区政府
level-association = 市镇联合体

section-summary = 摘要
section-situation_before = 实施前的情况
section-objectives = 目标与策略
section-process = 实施过程
section-results = 成效
section-sustainability = 可持续性
section-lessons = 经验教训
section-transferability = 可推广性

initiative-untitled = 名称未公布
initiative-untitled-note = 该参评项目的名称未曾公开，此处不作杜撰。
initiative-governments = 申报政府
initiative-lead = 牵头
initiative-partners = 合作伙伴
initiative-key-dates = 关键日期
initiative-period = 实施时间
initiative-ongoing = 自 { $start } 年起，持续进行
initiative-sdgs = 可持续发展目标
initiative-themes = 主题
initiative-awards = 参评记录
initiative-contact = 联系人
initiative-source = 来源
initiative-language-note = 当前以{ $shown }显示；原文语言为{ $original }。
initiative-no-text = 暂无该案例的介绍。
initiative-in-edition = { $award } { $year }

sdg-1 = 无贫穷
sdg-2 = 零饥饿
sdg-3 = 良好健康与福祉
sdg-4 = 优质教育
sdg-5 = 性别平等
sdg-6 = 清洁饮水和卫生设施
sdg-7 = 经济适用的清洁能源
sdg-8 = 体面工作和经济增长
sdg-9 = 产业、创新和基础设施
sdg-10 = 减少不平等
sdg-11 = 可持续城市和社区
sdg-12 = 负责任消费和生产
sdg-13 = 气候行动
sdg-14 = 水下生物
sdg-15 = 陆地生物
sdg-16 = 和平、正义与强大机构
sdg-17 = 促进目标实现的伙伴关系

city-country = 国家
city-population = 人口
city-level = 政府层级
city-coordinates = 坐标
city-initiatives = 案例
city-no-initiatives = 案例库中尚无该政府的案例。
city-networks = 所属网络
city-no-networks = 没有网络成员记录。
city-links = 友好城市
city-no-links = 没有正式的城市关系记录。
link-sister = 友好城市
link-friendly = 友好合作交流城市
link-since = 自 { $year } 年
cities-title = 城市
cities-intro = 在案例库中有案例的政府，按案例数量排列。

library-title = 案例库
library-intro = 全部已发布案例，最新的在前。
library-count = 共 { $total } 个
library-empty = 这里暂时没有内容。
library-sort = 排序
sort-newest = 最新在前
sort-oldest = 最早在前
pagination = 分页
pagination-previous = 上一页
pagination-next = 下一页
pagination-page = 第 { $page } 页，共 { $pages } 页

error-not-found-title = 找不到页面
error-not-found = 没有此地址对应的{ $what }。它可能已被移动，或从未存在。
error-bad-request-title = 无法理解此请求
error-internal-title = 服务器出现问题
error-internal = 错误已被记录，请稍后再试。
error-unavailable-title = Kapok 正忙
error-unavailable = 同时到达的请求太多，请几秒钟后再试。
error-back-home = 返回首页
what-page = 页面
what-award = 奖项
what-edition = 届次
what-initiative = 案例
what-city = 城市

apply = 应用
api-not-found = 没有编号为 { $id } 的{ $what }。
api-bad-cursor = 游标无效：请使用之前响应中的 `next` 值。
api-bad-query = 查询参数无效：{ $details }
edition-sizes-short = 短名单 { $short } 个，获奖者至多 { $winners } 个。
search-label = 搜索案例库
search-button = 搜索
search-too-long = 搜索内容超过 { $max } 个字符。
search-not-ready = 搜索索引正在建立，请稍后再试。
library-results-for = “{ $query }”的搜索结果
nav-account-menu = 账户
nav-sign-in = 登录
nav-sign-out = 退出
login-title = 登录
login-intro = 供申报城市、专家、评审团成员和秘书处使用。浏览案例库无需账户。
login-email = 电子邮箱
login-password = 密码
login-submit = 登录
login-failed = 电子邮箱或密码不正确。
account-title = 我的账户
account-email = 电子邮箱
account-roles = 角色
account-no-roles = 暂无角色。
role-applicant = 申报方（城市或地区政府）
role-secretariat = 秘书处
role-technical_committee = 技术委员会专家
role-jury = 评审团成员
role-commission_member = 公众咨询委员会委员
error-forbidden-title = 操作被拒绝
error-form-expired = 表单已过期或并非来自本网站。请刷新页面后重试。
error-too-large = 请求内容过大。
login-locked = 登录失败次数过多，登录已暂停 { $minutes } 分钟；在此期间可以重设密码。
login-unverified = 请先通过我们发送的链接确认您的电子邮箱。
form-has-errors = 请更正以下内容：
register-title = 注册账户
register-intro = 供希望申报的城市和地区政府官员使用。我们将发送一个链接以确认您的电子邮箱。
register-name = 姓名
register-password-again = 再次输入密码
register-password-hint = 至少 { $min } 个字符。
register-submit = 注册
register-have-account = 已有账户？
register-name-invalid = 请填写姓名（不超过 { $max } 个字符）。
register-email-invalid = 电子邮箱地址无效。
register-check-mail-title = 请查收邮件
register-check-mail = 我们已向 { $email } 发送邮件。请点击其中的链接确认邮箱，链接 24 小时内有效。
register-check-mail-later = 几分钟后仍未收到？请查看垃圾邮件，或在登录时申请新的链接。
password-too-short = 密码至少需要 { $min } 个字符。
password-too-long = 密码最多 { $max } 个字符。
password-same-as-email = 密码不能与电子邮箱相同。
password-mismatch = 两次输入的密码不一致。
verify-done-title = 邮箱已确认
verify-done = 您的电子邮箱已确认，现在可以登录。
verify-invalid = 此链接已失效：已被使用或已过期。请在下方申请新的链接。
resend-title = 确认您的邮箱
resend-submit = 重新发送确认链接
resend-sent = 如果该地址有待确认的账户，新的链接已发出。
forgot-title = 忘记密码？
forgot-intro = 请输入电子邮箱，我们将发送一个用于设置新密码的链接，一小时内有效。
forgot-submit = 发送链接
forgot-sent = 如果该地址有账户，设置新密码的链接已发出，一小时内有效。
reset-title = 设置新密码
reset-new-password = 新密码
reset-submit = 保存新密码
reset-done-title = 密码已修改
reset-done = 新密码已保存，之前的所有登录均已退出。现在可以登录。
reset-invalid-title = 此链接无效
reset-invalid = 该链接已被使用或已过期，请重新申请。
outbox-title = 发件箱
outbox-intro = Kapok 发出的所有邮件，最新的在前。邮件在邮件服务器接收之前都保存在这里。
outbox-count = 共 { $total } 封
outbox-sent = 已于 { $time } 发送
outbox-pending = 等待发送
outbox-retrying = 尚未发送（已尝试 { $attempts } 次：{ $error }）
error-too-many-title = 尝试次数过多
error-too-many = 请约 { $minutes } 分钟后再试。
mail-footer = Kapok，代表奖项秘书处发送。您收到此邮件是因为您的账户有相关操作。
mail-verify-subject = 确认您的电子邮箱
mail-verify-body = { $name }，您好：

    请打开以下链接确认您的电子邮箱（24 小时内有效）：

    { $link }

    如果您没有注册账户，请忽略此邮件。
mail-taken-subject = 有人尝试用您的邮箱注册
mail-taken-body = { $name }，您好：

    有人尝试用此电子邮箱注册账户，但该邮箱已有账户。如果是您本人且忘记了密码，请在此设置新密码：

    { $link }

    否则请忽略此邮件。
mail-reset-subject = 设置新密码
mail-reset-body = { $name }，您好：

    如需设置新密码，请打开以下链接（一小时内有效）：

    { $link }

    如果您没有提出此请求，请忽略此邮件，您的密码保持不变。

answer-yes = 是
answer-no = 否
error-role-only = 此页面仅供以下角色使用：{ $role }。
what-application = 申报
claim-pending = 等待秘书处审核
claim-approved = 已批准
claim-rejected = 未批准
claim-country-invalid = 请用两个字母的代码填写国家（例如 CN 或 FR）。
claim-missing = 请从列表中选择政府，或填写要添加的政府名称和国家。
gov-title = 您代表的政府
gov-intro = 申报须代表城市或地区政府提出。请申请认领您所代表的政府；秘书处核实后，才能以其名义提交申报。
gov-none = 您尚未认领任何政府。
gov-government = 政府
gov-status = 状态
gov-claim-title = 认领政府
gov-search = 城市或地区名称
gov-no-results = 地名库中没有该名称的政府。您可以在下方申请添加。
gov-claim = 我代表该政府
gov-missing-title = 列表中没有？
gov-missing-intro = 请填写名称和国家；秘书处将添加并核实您的认领。
gov-missing-name = 政府名称
gov-missing-country = 国家（两个字母的代码）
gov-missing-submit = 申请添加
claims-title = 政府认领申请
claims-intro = 声称代表某政府的申报人。请逐一核实，之后他们才能提交申报。
claims-none = 没有待审核的申请。
claims-note = 给申报人的说明（可选）
claims-approve = 批准
claims-reject = 不批准
apps-title = 您的申报
apps-no-government = 提交之前，秘书处须批准您所代表的政府。
apps-none = 您还没有申报。
apps-edition = 届次
apps-open = 正在征集的奖项
apps-none-open = 目前没有正在征集的奖项。
apps-start = 开始申报
app-status-draft = 草稿
app-status-submitted = 已提交
app-status-withdrawn = 已撤回
app-untitled = 未命名申报
app-closes = 征集截止时间：{ $date }。
app-closed = 征集已于 { $date } 截止。
app-withdrawn = 该申报已撤回。
app-not-editable = 该申报已无法修改。
app-steps = 申报步骤
app-step-basic = 基本信息
app-step-texts = 项目介绍
app-step-details = 主题与详情
app-step-eligibility = 资格自查
app-step-review = 检查
app-conflicts = 自您打开此页面以来，部分字段已在别处（其他标签页或设备）被修改。字段中是您的文本，下方显示已保存的文本。再次保存即保留您的文本。
app-conflict-keep = 再次保存表单即可保留您的文本，也可从已保存的文本中复制所需内容。
app-complete = 所有必填内容均已填写。
app-problems = 提交申报之前，请修改以下问题：
app-save = 保存
app-save-continue = 保存并继续
app-too-long = 最多 { $max } 个字符。
app-words = { $words } 字
app-words-of = { $words } / { $budget } 字
app-year-hint = 填写年份，例如 2021。
app-governments-hint = 共同申报的政府；第一个为牵头方。
app-no-options = 尚无获批的政府。
app-partners-hint = 每行一个合作伙伴。
app-key-dates-hint = 每行一个日期：先写日期，再写事件（2021-03 两个区试点）。
field-title = 名称
field-original-language = 项目原文语言
field-governments = 申报政府
field-level = 政府层级
field-started = 开始年份
field-ended = 结束年份（进行中则留空）
field-contact-name = 联系人
field-contact-role = 职务
field-contact-email = 联系人邮箱
field-contact-consent = 联系人同意在公共案例库中公开。
field-themes = 主题
field-sdgs = 可持续发展目标
field-partners = 合作伙伴
field-key-dates = 关键日期
field-budget = 预算与资金
field-eligibility-notes = 资格说明（可选）
slot-en = 英文
slot-orig = 原文
problem-missing = 必填
problem-english = 须提供英文版本
problem-over-budget = { $words } 字，最多 { $budget } 字
problem-narrative-over-budget = 各部分合计 { $words } 字，最多 { $budget } 字
problem-unanswered = 请作答
problem-years = 1900 至 2100 之间的年份，且不早于开始年份
problem-theme = 请至少选择一个主题
autosave-saving = 正在保存…
autosave-saved = 所有修改均已保存。
autosave-offline = 尚未保存：连接失败。您的文本已保存在本浏览器中，稍后将重新发送。
autosave-signed-out = 您的登录已过期。您的文本已保存在本浏览器中：请重新登录并返回此页面。
autosave-conflict = 此字段已在别处（其他标签页或设备）被修改。已保存的文本为：
autosave-keep-mine = 保留我的文本
autosave-use-saved = 使用已保存的文本
autosave-restored = 本浏览器中先前输入但未送达服务器的文本已恢复，正在保存。
autosave-words = 字
problem-key-date = 第 { $line } 行没有以日期开头（例如 2021-03）
problem-government = 请选择秘书处已为您批准的政府
app-local-time = 您的当地时间：
app-feedback = 秘书处的反馈
app-confirm-submit = 我确认本申报内容完整、真实，且我有权代表所列政府提交。
app-submit = 提交申报
app-submit-again = 提交新版本
app-versions = 已提交的版本
app-version = 第 { $number } 版，提交于 { $date }
app-digest = 摘要码
app-withdraw = 撤回申报
app-confirm-withdraw = 我要撤回此申报。已提交的版本将保留记录；撤回后无法再次提交。
app-confirm-needed = 请勾选确认框。
app-not-complete = 申报尚不完整：请查看需要修改的列表。
app-government-not-approved = 请只选择秘书处已为您批准的政府。
app-submitted-notice = 第 { $number } 版已提交，回执将通过电子邮件发送。在征集截止前，您仍可修改并再次提交。
mail-receipt-subject = 您的申报已收到
mail-receipt-body = { $name }，您好：

    我们已于 { $when } 收到您为 { $edition } 提交的申报“{ $title }”。

    其摘要码为 { $digest }。摘要码唯一标识此版本：如您再次提交，新版本将有新的摘要码。

    各部分英文字数：
    { $sections }

    您可在此查看所有已提交的版本：

    { $link }
desk-title = 申报
desk-none = 尚无申报。
desk-counts = 已提交 { $submitted } 份，草稿 { $drafts } 份
desk-csv = 下载 CSV
desk-last = 最后提交
desk-drafts = 草稿
desk-drafts-intro = 尚未提交的申报。其内容仅申报人可见；您可以为其延长截止时间。
desk-draft-private = 草稿（内容仅申报人可见）
desk-extended-until = 此申报可提交至 { $date }。
desk-feedback-label = 给申报人的反馈
desk-feedback-send = 发送反馈
desk-feedback-rule = 反馈仅适用于在早鸟截止时间（{ $date }）之前首次提交的申报。
desk-feedback-none = 本届没有早鸟截止时间。
desk-feedback-not-early = 只有在早鸟截止之前首次提交的申报才能获得反馈。
desk-extension = 延长截止时间
desk-extension-until = 此申报的新截止时间（{ $zone }）
desk-extension-reason = 原因（记入日志）
desk-extension-grant = 批准延期
desk-extension-invalid = 请填写将来的日期时间和原因。
desk-log = 日志
event-submitted = 已提交
event-withdrawn = 已撤回
event-extended = 已延期
event-feedback = 已发送反馈
mail-feedback-subject = 关于您申报的反馈
mail-feedback-body = { $name }，您好：

    秘书处对您的申报提出了反馈。在征集截止前，您可以阅读反馈、修改申报并再次提交：

    { $link }

app-step-attachments = 附件
what-attachment = 附件
size-mb = { $size } MB
size-kb = { $size } KB
event-attached = 已添加附件
event-detached = 已移除附件
attach-intro = 可上传 PDF 文档和图片（PNG、JPEG、GIF、WebP），并可添加视频链接。附件为选填。
attach-limits = 单个文件最大 { $file } MB，合计最大 { $total } MB。
attach-none-yet = 尚无附件。
attach-file = 文件
attach-upload = 上传文件
attach-link = 视频链接
attach-add-link = 添加链接
attach-video = 视频链接
attach-remove = 移除
attach-confirm-remove = 我要移除此附件。
attach-listed = 附件
attach-bad-form = 无法读取上传内容。请重新选择文件后提交。
attach-none = 请选择要上传的文件。
attach-empty = 文件为空。
attach-type = 仅可上传 PDF 文档及 PNG、JPEG、GIF 或 WebP 图片。系统检查文件内容，而非文件名。
attach-too-large = 文件超过单个文件上限 { $max } MB。
attach-total = 加上此文件后附件将超过每份申报的上限 { $max } MB。请先移除一个附件。
attach-bad-link = 请填写以 https:// 开头的完整视频地址（最多 { $max } 个字符）。
attach-too-many-videos = 每份申报最多可添加 { $max } 个视频链接。
app-continue = 继续
error-not-utf8 = 表单中的文字不是有效的 Unicode（UTF-8）编码。未保存任何内容；请在页面上重新提交。

## 网络投票
nav-vote = 网络投票
what-vote = 网络投票
what-vote-result = 认证结果
vote-list-title = 网络投票
vote-list-intro = 选出“您心目中的城市”：以下为本站举办的全部网络投票，正在进行的排在前面。
vote-list-none = 尚未设置任何网络投票。
vote-title = 您心目中的城市
vote-window = 投票时间
vote-phase-not-open = 尚未开始
vote-phase-open = 进行中
vote-phase-closed = 已结束
vote-shape-exactly = { $n ->
    [1] 请选择一个候选项目。
   *[other] 请正好选择 { $n } 个候选项目。
}
vote-shape-up-to = 最多可选择 { $n } 个候选项目。
vote-frequency-once = 整个投票期间可投票一次。
vote-frequency-daily = 每天可投票一次。
vote-frequency-per-day = 每天最多可投票 { $n } 次。
vote-rules-link = 投票规则与核查内容
vote-check-link = 查询您的选票是否已计入
vote-results-link = 投票结果
vote-candidates = 候选项目
vote-no-candidates = 尚无候选项目。
vote-verify-title = 验证身份后投票
vote-verify-intro-email = 我们将向您的电子邮箱发送六位数验证码。您的邮箱仅用于保障投票公平，绝不会公开。
vote-verify-intro-phone = 我们将通过短信向您的手机发送六位数验证码。您的号码仅用于保障投票公平，绝不会公开。
vote-identity-label-email = 电子邮箱
vote-identity-label-phone = 手机号码（以 + 和国家代码开头）
vote-send-code = 发送验证码
vote-code-title = 输入验证码
vote-code-sent-email = 验证码已发送至 { $identity }，15 分钟内有效。
vote-code-sent-phone = 验证码已通过短信发送至 { $identity }，15 分钟内有效。
vote-code-label = 六位数验证码
vote-verify = 验证
vote-code-subject = 您的投票验证码
vote-code-text = 您参加 { $vote } 投票的验证码为 { $code }，15 分钟内有效。如非本人操作，请忽略此消息。
vote-code-wrong = 验证码不正确。{ $left ->
    [0] 请重新获取验证码。
   *[other] 您还可以尝试 { $left } 次。
}
vote-code-expired = 该地址没有有效的验证码：验证码已过期、已被使用或尝试次数过多。请重新获取验证码。
vote-identity-email = 请输入有效的电子邮箱地址。
vote-identity-phone = 请按国际格式输入手机号码，以 + 和国家代码开头。
vote-identity-disposable = 一次性邮箱服务的地址不能用于投票。请使用您常用的邮箱。
vote-not-open = 目前不在投票时间内。
vote-ballot-title = 您的选票
vote-verified-as = 已验证身份：{ $identity }
vote-ballots-left = { $n ->
    [0] 目前已没有剩余选票
   *[other] 目前还剩 { $n } 张选票
}
vote-cast = 投出选票
vote-sign-out = 在此设备上结束投票
vote-not-verified = 投票前请先验证您的电子邮箱或手机。
vote-ballot-malformed = 无法读取此选票。请从候选项目列表中选择后重新提交。
vote-ballot-exactly = { $n ->
    [1] 请选择一个候选项目。
   *[other] 请正好选择 { $n } 个候选项目。
}
vote-ballot-too-many = 最多只能选择 { $n } 个候选项目。
vote-ballot-empty = 请至少选择一个候选项目。
vote-limit-reached = 您已用完规则目前允许的全部选票。
vote-too-fast = 来自您所在网络的选票过多，请稍候。
vote-busy = 当前投票人数众多，您的选票未能记录。请稍后重新提交。
vote-receipt-title = 您的选票已计入
vote-receipt-intro = 感谢您参加 { $vote } 的投票。您的选票已记录，以下是您的回执：
vote-receipt-keep = 请妥善保存：凭此回执，您可随时查询您的选票是否已计入。回执不会透露您的选择，其他人也无法将其与您关联。
vote-back = 返回投票页面
vote-check-title = 查询您的选票
vote-check-intro = 请输入投票后获得的回执。查询结果只显示该选票是否已计入，不会显示投给了谁。
vote-receipt-label = 回执
vote-check-button = 查询
vote-check-counted = 此选票于 { $when } 投出，已计入。
vote-check-invalidated = 此选票于 { $when } 投出，但未计入：{ $reason }
vote-check-unknown = 没有与此回执对应的选票。请检查是否按显示内容原样输入。
vote-rules-title = 投票规则
vote-rules-verification-email = 每位投票者须通过一次性验证码验证电子邮箱；一个邮箱即为一位投票者。
vote-rules-verification-phone = 每位投票者须通过短信发送的一次性验证码验证手机号码；一个号码即为一位投票者。
vote-rules-tally-visible = 投票期间，实时计票结果公开。
vote-rules-tally-hidden = 计票结果仅在投票结束并经认证后公布。
vote-rules-checked = 核查内容
vote-rules-check-identity = 验证码 15 分钟内有效，最多可尝试五次；已使用的验证码不能再次使用。
vote-rules-check-limits = 每位投票者的限额在选票存储时即予执行，因此即使两张选票同时提交，也不会超出限额同时计入。
vote-rules-check-disposable = 验证码的申请次数按地址、网段和投票者分别限制；不接受一次性邮箱服务。
vote-rules-check-anomalies = 秘书处会审查以下情况：某一候选项目的票数突增、同一网段的大量投票者，以及遵循同一模式的地址。
vote-rules-check-invalidation = 经查违反规则的选票可被作废，作废时一律记录原因；投票者查询回执时可看到该原因。
vote-rules-check-digest = 投票结束后，将公布已计入选票的列表（每张选票以其回执的哈希值标识）及该列表的摘要码，任何人都可以重新计票。
vote-results-title = 网络投票结果
vote-results-pending = 投票结束且秘书处认证计票结果后，结果将在此公布。
vote-results-certified = 已于 { $when } 认证。
vote-results-counts = 计入选票 { $counted } 张，作废 { $invalidated } 张。
vote-results-running = 实时计票：目前共 { $counted } 张选票，并非最终结果。
vote-candidate = 候选项目
vote-votes = 票数
vote-chart-title = 选票数量随时间变化
vote-digest-title = 自行核对计票
vote-digest-intro = 下方列表中每张已计入的选票占一行：先是其回执的 SHA-256 值，然后是所选项（案例编号）。整个列表的 SHA-256 值即为此摘要码。用您回执的 SHA-256 值即可找到您的那一行。
vote-digest-line = 摘要码 { $digest }。
vote-ballots-download = 已计入的选票（文本）
vote-results-csv = 投票结果（CSV）
vote-desk-title = 网络投票
vote-desk-none = 无投票
vote-desk-state = 状态
vote-desk-new = 本届尚未设置网络投票。保存下方设置即可创建。
vote-desk-ballots = { $n } 张选票
vote-desk-public-page = 公开页面
vote-desk-settings = 设置
vote-desk-timezone = 时间以本届时区 { $zone } 显示。
vote-desk-opens = 开始时间
vote-desk-closes = 结束时间
vote-desk-shape = 选票
vote-desk-shape-exactly = 须正好选择 N 个
vote-desk-shape-up-to = 最多选择 N 个
vote-desk-choices = N
vote-desk-frequency = 投票者可投票的频率
vote-desk-per-day-option = 每天最多 N 次
vote-desk-per-day = 每天 N 次（用于“每天最多 N 次”）
vote-desk-verification = 验证方式
vote-desk-verification-email = 电子邮件一次性验证码
vote-desk-verification-phone = 短信一次性验证码
vote-desk-tallies-visible = 投票期间公开实时计票结果
vote-desk-candidates = 候选项目（均不勾选则为短名单）
vote-desk-save = 保存设置
vote-desk-log = 日志
vote-desk-log-empty = 尚无记录。
vote-desk-certified-locked = 结果已认证：投票不能再作任何更改。
vote-settings-window = 投票结束时间必须晚于开始时间。
vote-settings-choices = 每张选票可选 1 至 50 个候选项目。
vote-settings-per-day = “每天最多 N 次”要求 N 在 1 至 10000 之间。
vote-settings-date = 请以日期和时间的格式填写，例如 2026-11-30T09:00。
vote-settings-verification = 请选择投票者的验证方式。
vote-settings-candidates = 所选的某个候选项目不是本届的参评案例。
vote-certify-title = 认证结果
vote-certify-intro = 投票结束后，认证将确定未作废选票的计票结果，将其连同图表、已计入选票列表及其摘要码一并公布，并设定每个候选项目的网络投票票数。认证后无法撤销。
vote-certify-confirm = 我已审阅异常报告，并认证此计票结果。
vote-certify = 认证并公布
vote-certify-not-closed = 投票结束后才能认证。
vote-anomalies-title = 异常报告
vote-anomalies-none = 没有需要报告的情况。
vote-bursts-title = 某一候选项目的票数突增
vote-bursts-rule = 当某候选项目在某一分钟内获得至少 { $floor } 票，且至少为其通常每分钟票数的 { $factor } 倍时，列出该分钟。
vote-minute = 分钟
vote-usual = 通常每分钟票数
vote-subnets-title = 同一网段的大量投票者
vote-subnets-rule = 列出至少有 { $floor } 名投票者投票的网段（IPv4 按 /24，IPv6 按 /48 划分）。
vote-subnet = 网段
vote-identities = 投票者
vote-ballots = 选票
vote-patterns-title = 遵循同一模式的地址
vote-patterns-rule = 仅在数字、点号或 +标签上有所不同的电子邮箱地址；至少 { $floor } 名投票者共用同一模式时列出。
vote-pattern = 模式
vote-examples = 示例
vote-identities-title = 最活跃的投票者
vote-identity = 投票者
vote-periods = 投票时段数
vote-first = 首张选票
vote-last = 最后一张选票
vote-receipts = 回执
vote-invalidate-title = 作废选票
vote-invalidate-intro = 作废的选票仍会保存，但不计入结果；作废原因记入日志，并向查询回执的投票者显示。
vote-invalidate-by = 选择选票的依据
vote-invalidate-value = 网段、投票者或回执（以空格或逗号分隔）
vote-invalidate-reason-label = 原因（向投票者显示）
vote-invalidate-confirm-label = 我了解这些选票将不再计入。
vote-invalidate-button = 作废
vote-invalidate-reason = 请填写原因（最多 500 个字符）。
vote-invalidate-confirm = 请勾选确认框。
vote-invalidate-what = 请指明哪些选票：一个网段、一位投票者或若干回执。
sms-title = 短信
sms-intro = 通过日志记录通道发送的短信（未配置短信网关），最新的在前。短信仅保存在内存中。
sms-none = 尚未发送任何短信。

## Screening
screening-title = 资格审查
screening-counts = 待审查 { $pending } 项，有效 { $valid } 项，无效 { $not_valid } 项。
screening-filter = 显示参评项目
screening-show-pending = 待审查
screening-show-valid = 有效
screening-show-not-valid = 无效
screening-show-all = 全部
screening-none = 此处没有参评项目。
screening-select = 选择
screening-pending = 尚未审查
screening-outcome-valid = 有效
screening-outcome-not_valid = 无效
screening-decision = 对所选参评项目的决定
screening-reasons = 理由（无效时：参评项目不符合的条件）
screening-note = 给申报方的说明（可选）
screening-apply = 记录决定
screening-no-entry = 请至少选择一个参评项目。
screening-no-outcome = 请选择有效或无效。
screening-no-reason = 无效决定至少需要核对清单中的一条理由。
screening-unknown-reason = 有一条理由不在本届的核对清单中。
screening-note-too-long = 说明超过 2000 个字符。
screening-not-in-edition = 参评项目 { $id } 不属于本届。未作任何更改。
screening-already-further = 参评项目 { $id } 已进入资格审查之后的阶段（长名单或之后）。未作任何更改。
## Committees and conflicts
stage-technical_committee = 技术委员会
stage-jury = 评审团
committee-title = 委员会
committee-none = 尚无成员。
committee-member = 成员
committee-stage = 委员会
committee-place = 国家和城市
committee-affiliation = 所属机构
committee-expertise = 专长（主题和语言）
committee-invite = 邀请成员
committee-name-label = 姓名
committee-city-label = 城市（可选，须为地名库中的城市）
committee-other-languages = 其他语言（语言代码，以逗号分隔）
committee-invite-button = 邀请
committee-email = 请输入有效的电子邮箱地址。
committee-name = 请填写成员姓名（不超过 200 个字符）。
committee-city = 地名库中该国家没有此名称的城市。
committee-theme = 有一个主题不属于本届。
committee-already = 此人已是该委员会成员。
conflict-title = 利益冲突
conflict-none = 没有已申报或已发现的利益冲突。
conflict-rule-same-country = 成员不得评审来自本国的参评项目
conflict-declared = { $member } 申报了与“{ $entry }”的利益冲突：{ $detail }
conflict-same-government = { $member }：任职于“{ $entry }”所属政府（{ $detail }）
conflict-same-country = { $member }：与“{ $entry }”来自同一国家（{ $detail }）
conflict-city-link = { $member }：其所在城市与“{ $entry }”所在城市存在关联（{ $detail }）
conflict-partner = { $member }：其所属机构是“{ $entry }”的合作伙伴（{ $detail }）
conflict-link-sister = 友好城市
conflict-link-friendly = 友好合作交流城市
mail-invite-subject = 诚邀您参与参评项目评审
mail-invite-body = { $name }，您好：

    诚邀您担任 { $edition } { $committee }成员。如接受邀请，请打开以下链接并设置密码（一周内有效；如您已有账户，请直接登录）：
    { $link }

    感谢您拨冗参与。
review-title = 我的评审工作
review-no-committee = 您不是任何委员会的成员。
review-assigned = 分配给您的参评项目
review-none-assigned = 暂无：秘书处尚未下发分配方案。
review-declare = 申报利益冲突
review-entry = 参评项目
review-conflict-reason-label = 理由（秘书处可见）
review-declare-button = 申报
review-no-member = 您不是该委员会的成员。
review-no-entry = 该参评项目不属于本届。
review-conflict-reason = 请说明理由，不超过 500 个字符。
assign-title = 评审分配
assign-sizes = 技术委员会成员 { $members } 位，有效参评项目 { $entries } 个。
assign-propose = 生成方案
assign-per-entry = 每个参评项目的评审专家人数（k）
assign-max-per-reviewer = 每位评审专家最多评审的参评项目数（L）
assign-propose-button = 生成最优分配方案
assign-proposal = 分配方案（评审专家尚不可见）
assign-total = 总匹配度：{ $total }
assign-reviewers = 评审专家（匹配度）
assign-loads = 每位评审专家的参评项目数
assign-adjust = 手动调整
assign-add = 添加
assign-remove = 移除
assign-deploy = 下发
assign-deploy-confirm = 评审专家将看到与此完全一致的分配。
assign-deploy-button = 下发
assign-in-force = 现行分配
assign-in-force-line = 下发记录 { $id }：共 { $count } 项分配。
assign-none-in-force = 尚未下发任何分配方案。
assign-undo-confirm = 评审专家将重新看到上一次下发的分配（如无上一次，则看不到任何分配）。
assign-undo-button = 撤销此次下发
assign-last-undo = 上次撤销带来的变化
assign-diff-added = 恢复：{ $member } 评审“{ $entry }”
assign-diff-removed = 取消：{ $member } 不再评审“{ $entry }”
assign-limits = 请将 k 设为 1 至 20，L 设为 1 至 10000。
assign-infeasible = 无法进行分配：{ $reason }
assign-pair-unknown = 请选择本届的参评项目和成员。
assign-conflicted = 该成员与此参评项目存在利益冲突，在任何情况下都不能分配其评审该项目。
assign-nothing = 没有可下发的分配方案。
assign-nothing-to-undo = 目前没有生效的下发记录。
committee-stage-missing = 请选择委员会。
committee-affiliation-long = 机构名称超过 300 个字符。

## Reviews
review-form-title = 您的评审意见
review-submitted = 您的评审意见已提交。您仍可修改并重新提交。
review-score = 评分
review-comment = 意见
review-recommendation = 推荐意见
review-confidence-label = 把握程度（1：较低，5：专家）
review-save = 保存草稿
review-submit = 提交评审意见
review-others = 其他评审意见
review-no-others = 尚无其他评审专家提交。
review-others-after = 提交您的评审意见后，即可查看其他评审意见并参与讨论。
review-discussion = 讨论
review-discussion-add = 您给其他评审专家的留言
review-discussion-post = 发布
review-discussion-after = 提交评审意见后方可参与讨论。
review-out-of-scale = 每项评分须为该标准分值范围内的整数。
review-unknown-criterion = 有一项评分所对应的标准不属于本次评审。
review-confidence = 把握程度为 1 至 5。
review-too-long = 文本为空或超过 5000 个字符。
review-missing-score = 提交前请为每项标准评分。
review-no-recommendation = 提交前请选择推荐意见。
review-no-confidence = 提交前请填写把握程度。
review-stale = 此表单已过期，请刷新页面。
review-stale-kept = 另一个标签页或设备已先保存了这份评审意见；现显示如下，未覆盖任何内容。您尝试保存的内容：{ $yours }
recommendation-strongly_support = 强烈支持
recommendation-support = 支持
recommendation-neutral = 中立
recommendation-oppose = 反对
progress-title = 评审进度
progress-assigned = 已分配
progress-drafts = 草稿
progress-submitted = 已提交
progress-remind = 提醒尚有评审意见待提交的评审专家
mail-reminder-subject = 有待您评审的参评项目
mail-reminder-body = { $name }，您好：

    分配给您的{ $edition }参评项目中，仍有 { $count } 项等待您的评审意见：
    { $link }

    谢谢。
scores-title = 评分与排名
scores-no-snapshot = 尚无快照：请冻结已提交的评审意见以进行排名。
scores-snapshot = { $when } 的快照：{ $count } 份已提交的评审意见。
scores-freeze = 立即冻结已提交的评审意见
scores-method = 汇总方式
scores-method-mean = 平均值
scores-method-median = 中位数
scores-method-trimmed_mean = 截尾平均值（去掉最高分和最低分）
scores-apply = 重新排名
scores-raw = 原始分（0–10）
scores-normalised = 标准化分（z）
scores-reviews = 评审意见数
scores-flag = 标记
scores-disagreement = 评审专家意见分歧
scores-moved = 按此权重的名次
scores-weight = 每项权重须为 0 至 100 之间的数字。
scores-explained = 原始分：每份评审意见按权重折算为 0–10 分后汇总。标准化分：每份评审意见相对于该评审专家自身所有评审意见的 z 分数，再汇总，使严格与宽松的评审专家同等计算；排名依据标准化分。两份评审意见相差 4 分或以上即视为意见分歧。
