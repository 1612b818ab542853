<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessPolicy</name>
    <message>
        <location filename="../core/casework/AccessPolicy.cpp" line="+121"/>
        <source>You may not %1.</source>
        <translation>您无权%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No such case, or it is outside what you may see.</source>
        <translation>案件不存在，或不在您的查看范围内。</translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <location filename="../server/AccountStore.cpp" line="+187"/>
        <source>All %1 device codes are in use; retire unused devices first.</source>
        <translation>%1 个设备代码已全部占用；请先停用不再使用的设备。</translation>
    </message>
</context>
<context>
    <name>ApiRequest</name>
    <message>
        <location filename="../server/ApiRequest.cpp" line="+37"/>
        <source>The request needs a JSON object as its body.</source>
        <translation>请求正文须为 JSON 对象。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The body is not valid JSON: %1 at byte %2.</source>
        <translation>请求正文不是有效的 JSON：%1（第 %2 字节）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The body must be a JSON object.</source>
        <translation>请求正文必须是 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>AuthApi</name>
    <message>
        <location filename="../server/AuthApi.cpp" line="+60"/>
        <source>“device” is 1 to 128 letters, digits or . _ : - { }.</source>
        <translation>“device”须为 1 至 128 个字母、数字或 . _ : - { } 字符。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Too many failed logins from your address; try again in %n second(s).</source>
        <translation>
            <numerusform>您所在地址的登录失败次数过多，请 %n 秒后再试。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Authenticator</name>
    <message>
        <location filename="../server/Authenticator.cpp" line="+16"/>
        <source>The login or the password is wrong.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log in first: this request needs a valid “Authorization: Bearer” token.</source>
        <translation>请先登录：此请求需要有效的“Authorization: Bearer”令牌。</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Too many failed logins: the account is locked until %1 (in %n minute(s)). Try again then, or ask an administrator to reset the password.</source>
        <translation>
            <numerusform>登录失败次数过多：账户已锁定至 %1（%n 分钟后解锁）。请届时再试，或请管理员重置密码。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+57"/>
        <source>This account is disabled.</source>
        <translation>该账户已停用。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Your session has expired; log in again.</source>
        <translation>会话已过期，请重新登录。</translation>
    </message>
</context>
<context>
    <name>BulkCaseGenerator</name>
    <message>
        <location filename="../core/demo/BulkCaseGenerator.cpp" line="+87"/>
        <source>Give a number of cases and a period from a date to a later one.</source>
        <translation>请给出案件数量以及起止日期（结束日期须晚于开始日期）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The demo organisation has no branches.</source>
        <translation>演示机构中没有分支机构。</translation>
    </message>
</context>
<context>
    <name>CaseApi</name>
    <message>
        <location filename="../server/CaseApi.cpp" line="+133"/>
        <source>read cases</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The purpose is longer than 200 characters.</source>
        <translation>查看事由超过 200 个字符。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>“%1” is not a case status; statuses are %2.</source>
        <translation>“%1”不是案件状态；可用状态：%2。</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+118"/>
        <source>Field “id” must be a UUID.</source>
        <translation>字段“id”必须是 UUID。</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>“%1” is not a kind of case record.</source>
        <translation>“%1”不是案件记录类型。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>read the audit trail</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>read corrective actions</source>
        <translation>查看整改措施</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A corrective action with this id already exists.</source>
        <translation>该 id 的整改措施已存在。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No such corrective action.</source>
        <translation>整改措施不存在。</translation>
    </message>
</context>
<context>
    <name>CaseFields</name>
    <message>
        <location filename="../core/casework/CaseFields.cpp" line="+28"/>
        <source>Field “%1” must be %2.</source>
        <translation>字段“%1”必须是%2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>Field “%1” must not be empty.</source>
        <translation>字段“%1”不能为空。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Field “%1” is longer than %2 characters.</source>
        <translation>字段“%1”超过 %2 个字符。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” is not a known code for “%2”.</source>
        <translation>“%1”不是“%2”的有效代码。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <location line="+201"/>
        <source>Field “%1” is not known here.</source>
        <translation>此处不接受字段“%1”。</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>Field “id” must be a UUID.</source>
        <translation>字段“id”必须是 UUID。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“%1” is not a channel. Known channels: %2.</source>
        <translation>“%1”不是投诉渠道。可用渠道：%2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a time in ISO 8601 with a UTC offset</source>
        <translation>带 UTC 偏移的 ISO 8601 时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a time in ISO 8601 with a UTC offset, e.g. 2026-11-24T10:20:00+08:00</source>
        <translation>带 UTC 偏移的 ISO 8601 时间，如 2026-11-24T10:20:00+08:00</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>“%1” is not a category of this organisation. Known categories: %2.</source>
        <translation>“%1”不是本机构的投诉类别。可用类别：%2。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>“%1” is not a handling unit of this organisation.</source>
        <translation>“%1”不是本机构的承办部门。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>a whole number of complainants, 0 when it is not a group complaint</source>
        <translation>投诉人数（整数），非群体投诉填 0</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A group complaint has at most %1 representatives; %2 were given.</source>
        <translation>群体投诉最多推选 %1 名代表；现填写了 %2 名。</translation>
    </message>
</context>
<context>
    <name>CaseLabels</name>
    <message>
        <location filename="../app/ui/CaseLabels.cpp" line="+40"/>
        <source>Urgent</source>
        <extracomment>Priority 紧急</extracomment>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High</source>
        <extracomment>Priority 较高</extracomment>
        <translation>高</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Normal</source>
        <extracomment>Priority 一般</extracomment>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first contact</source>
        <translation>首次联系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>forwarding body&apos;s deadline</source>
        <translation>转办机构时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>statutory limit</source>
        <translation>法定时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee refund</source>
        <translation>退还费用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+67"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Partly</source>
        <translation>部分解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Complaint registered</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details changed</source>
        <translation>修改信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned</source>
        <translation>指派经办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferred</source>
        <translation>转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limit extended</source>
        <translation>延长时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record added</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal data viewed</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-opened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority changed</source>
        <translation>优先级变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded as malicious</source>
        <translation>认定为恶意投诉</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Business category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demand</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount in dispute (yuan)</source>
        <translation>争议金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer or account number</source>
        <translation>客户号或账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person complained about</source>
        <translation>被投诉人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funds safety involved</source>
        <translation>涉及资金安全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threatens media or regulator</source>
        <translation>扬言向媒体或监管部门反映</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs legal process</source>
        <translation>需通过法律程序解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joint complainants</source>
        <translation>共同投诉人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regulator&apos;s channel</source>
        <translation>监管统计渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling unit</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>CaseListQuery</name>
    <message>
        <location filename="../server/CaseListQuery.cpp" line="+39"/>
        <source>“%1” is not a case status; statuses are %2.</source>
        <translation>“%1”不是案件状态；可用状态：%2。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>“%1” is not a category of this profile.</source>
        <translation>“%1”不是当前规则配置中的投诉类别。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Priority is one of %1.</source>
        <translation>优先级须为以下之一：%1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The search text is longer than 200 characters.</source>
        <translation>搜索内容超过 200 个字符。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>There is no branch “%1”.</source>
        <translation>机构“%1”不存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>list the cases of branch %1</source>
        <translation>查看机构 %1 的案件</translation>
    </message>
</context>
<context>
    <name>CaseQueue</name>
    <message>
        <location filename="../app/ui/CaseQueue.cpp" line="+75"/>
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My unit</source>
        <translation>本部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Branch</source>
        <translation>本机构</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unassigned</source>
        <translation>未派单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat complaints</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visits due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open cases assigned to you</source>
        <translation>指派给您的未结案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open cases your unit handles</source>
        <translation>本部门承办的未结案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every case of your branch and the branches below it</source>
        <translation>本机构及下辖机构的全部案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open cases whose next deadline is today</source>
        <translation>下一时限为今天的未结案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open cases that have used most of their time limit</source>
        <translation>时限已大部分用去的未结案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases past their next deadline</source>
        <translation>已超过下一时限的案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open cases nobody has been assigned to yet</source>
        <translation>尚未指派经办人的未结案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaints that repeat an earlier one</source>
        <translation>与此前投诉重复的投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolved cases waiting for their follow-up visit</source>
        <translation>已答复、等待回访的案件</translation>
    </message>
</context>
<context>
    <name>CaseService</name>
    <message>
        <location filename="../core/casework/CaseService.cpp" line="+36"/>
        <source>Someone else changed %1 since you opened the case; reload it and try again.</source>
        <translation>您打开案件后，他人修改了%1；请重新加载后再试。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Branch %1 does not exist.</source>
        <translation>机构 %1 不存在。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Field “channel” is required.</source>
        <translation>字段“channel”（投诉渠道）为必填项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field “category” is required.</source>
        <translation>字段“category”（投诉类别）为必填项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field “summary” is required.</source>
        <translation>字段“summary”（投诉摘要）为必填项。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>register complaints for this branch</source>
        <translation>为该机构登记投诉</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A case with this id already exists.</source>
        <translation>该 id 的案件已存在。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Case number “%1” is not of the form %2-yyyymmdd-A0001.</source>
        <translation>案件编号“%1”不符合 %2-yyyymmdd-A0001 格式。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case number %1 is already in use.</source>
        <translation>案件编号 %1 已被使用。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Possible repeat of %1.</source>
        <translation>可能与 %1 重复。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nothing to change: “fields” is empty.</source>
        <translation>没有需要修改的内容：“fields”为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>change “%1” of this case</source>
        <translation>修改本案件的“%1”</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The assignee must be an active handler.</source>
        <translation>被指派人必须是在岗的经办人。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is the person complained about and may not handle this case.</source>
        <translation>%1 是被投诉人，不得经办本案件。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The case changed since you opened it (it is now %1); reload it.</source>
        <translation>您打开案件后案件已变更（当前状态为 %1）；请重新加载。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>“%1” is not a kind of case record.</source>
        <translation>“%1”不是案件记录类型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add this kind of record to this case</source>
        <translation>为本案件添加此类记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+203"/>
        <source>Field “id” must be a UUID.</source>
        <translation>字段“id”必须是 UUID。</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>A record with this id already exists.</source>
        <translation>该 id 的记录已存在。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>A supervision reply answers a forwarded case; this case was not forwarded.</source>
        <translation>督办单回复仅用于转办案件；本案件并非转办案件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A follow-up visit is recorded once the case is resolved and before it is closed.</source>
        <translation>回访须在案件答复之后、结案之前登记。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When the customer was reached, record whether the problem is solved and how satisfied they are.</source>
        <translation>联系上客户时，请记录问题是否解决及客户满意程度。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>“%1” is not an action. Known actions: %2.</source>
        <translation>“%1”不是有效操作。可用操作：%2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>take the action “%1” on this case</source>
        <translation>对本案件执行“%1”操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case is closed; re-open it first.</source>
        <translation>案件已办结，请先重新打开。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The handling time was already extended once.</source>
        <translation>处理时限已延长过一次。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The statutory time limit cannot be extended further.</source>
        <translation>法定时限不能再延长。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Only an anonymous complaint can be recorded as malicious.</source>
        <translation>只有匿名投诉才能认定为恶意投诉。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>manage corrective actions</source>
        <translation>管理整改措施</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No such corrective action.</source>
        <translation>整改措施不存在。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Status must be one of: %1.</source>
        <translation>状态须为以下之一：%1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No such case, or it is outside what you may see.</source>
        <translation>案件不存在，或不在您的查看范围内。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>manage corrective actions of that branch</source>
        <translation>管理该机构的整改措施</translation>
    </message>
</context>
<context>
    <name>CaseStore</name>
    <message>
        <location filename="../core/storage/CaseStore.cpp" line="+325"/>
        <source>Case %1 does not exist.</source>
        <translation>案件 %1 不存在。</translation>
    </message>
    <message>
        <location line="+274"/>
        <source>The page cursor is not valid for this listing.</source>
        <translation>分页游标对此列表无效。</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <location filename="../app/ui/CaseTimeline.cpp" line="+56"/>
        <source>Complaint registered on this computer</source>
        <translation>在本机登记投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+47"/>
        <source>Changed: %1</source>
        <translation>修改：%1</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Moved to “%1”</source>
        <translation>状态变为“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Added: %1</source>
        <translation>添加：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corrective action: %1</source>
        <translation>整改措施：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complaint registered as %1</source>
        <translation>投诉登记为 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assigned to %1</source>
        <translation>指派给 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transferred to %1</source>
        <translation>转办至 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Priority %1 → %2</source>
        <translation>优先级 %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Escalated to the regulator</source>
        <translation>已上报监管部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated to leadership</source>
        <translation>已上报分管领导</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Refused by the server: %1</source>
        <translation>服务器拒绝：%1</translation>
    </message>
</context>
<context>
    <name>CaseWorkflow</name>
    <message>
        <location filename="../core/workflow/CaseWorkflow.cpp" line="+34"/>
        <source>“%1” in field “%2” is not one of: %3.</source>
        <translation>字段“%2”中的“%1”不在以下范围内：%3。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” in field “%2” is not a known guard; known guards: %3.</source>
        <translation>字段“%2”中的“%1”不是已知的检查条件；已知条件：%3。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Field “%1” must name at least one state.</source>
        <translation>字段“%1”至少须列出一个状态。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Field “%1” lists “%2” twice or as the target state.</source>
        <translation>字段“%1”重复列出了“%2”，或将其列为目标状态。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>A withdrawal must lead to “withdrawn”.</source>
        <translation>撤诉必须转到“withdrawn”（已撤诉）状态。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A case can only be withdrawn while it is open.</source>
        <translation>只有未办结的案件才能撤诉。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A withdrawal must say in which open state a case continues when the withdrawal was not voluntary.</source>
        <translation>撤诉须指明：非自愿撤诉时案件回到哪个未结状态继续处理。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A withdrawal must require the guards “reason_given” and “voluntary_answered”.</source>
        <translation>撤诉必须要求检查条件“reason_given”和“voluntary_answered”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A re-opening must lead to an open state.</source>
        <translation>重新打开必须转到未结状态。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a finished case can be re-opened.</source>
        <translation>只有已办结的案件才能重新打开。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A re-opening must require the guard “reason_given”.</source>
        <translation>重新打开必须要求检查条件“reason_given”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a withdrawal may lead to “withdrawn”.</source>
        <translation>只有撤诉才能转到“withdrawn”（已撤诉）状态。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Going back from a finished state to an open one is a re-opening.</source>
        <translation>从已办结状态回到未结状态属于重新打开。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a withdrawal has a state for the case where it was not voluntary.</source>
        <translation>只有撤诉才需指定非自愿撤诉时的状态。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The step from “%1” to “%2” is already declared by transition “%3”.</source>
        <translation>从“%1”到“%2”的流转已由“%3”定义。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>This CaseDesk reads workflow files of version 1, not %1.</source>
        <translation>本版 CaseDesk 只能读取第 1 版流程文件，不能读取第 %1 版。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not valid JSON at line %1, column %2: %3</source>
        <translation>不是有效的 JSON（第 %1 行第 %2 列）：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must hold a JSON object.</source>
        <translation>必须包含一个 JSON 对象。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Your account is disabled.</source>
        <translation>您的账户已停用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only %1 may move a case from “%2” to “%3”.</source>
        <translation>只有%1才能将案件从“%2”改为“%3”。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The time of the transition is missing.</source>
        <translation>缺少状态流转的时间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A case cannot go from “%1” to “%2”.</source>
        <translation>案件不能从“%1”转为“%2”。</translation>
    </message>
</context>
<context>
    <name>ChineseIdNumber</name>
    <message numerus="yes">
        <location filename="../core/validation/ChineseIdNumber.cpp" line="+57"/>
        <source>A resident ID number has 18 characters; this one has %n.</source>
        <translation>
            <numerusform>居民身份证号码为 18 位；此号码为 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A resident ID number consists of 17 digits followed by a digit or the letter X.</source>
        <translation>居民身份证号码由 17 位数字加 1 位数字或字母 X 组成。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The first six digits of a resident ID number are a region code starting with 1 to 8.</source>
        <translation>居民身份证号码前六位为行政区划代码，首位为 1 至 8。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Digits 7 to 14 of a resident ID number must be a real date of birth (YYYYMMDD).</source>
        <translation>居民身份证号码第 7 至 14 位必须是有效的出生日期（YYYYMMDD）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The last character of this ID number does not match the others; please check it for a typing error.</source>
        <translation>该身份证号码的校验位不符，请检查是否输入有误。</translation>
    </message>
</context>
<context>
    <name>Condition</name>
    <message>
        <location filename="../core/rules/Condition.cpp" line="+95"/>
        <source>“%1” is not a known fact; facts are: %2.</source>
        <translation>“%1”不是已知的案件要素；可用要素：%2。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A condition tests one fact with one operator; “%1” and “%2” are both given.</source>
        <translation>一个条件只能用一个运算符检查一个要素；但同时给出了“%1”和“%2”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The condition on “%1” needs an operator: %2.</source>
        <translation>针对“%1”的条件需要一个运算符：%2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” does not fit fact “%2”, which is a %3; use “%4”.</source>
        <translation>“%1”与要素“%2”（类型为 %3）不符；请使用“%4”。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Values must not be empty.</source>
        <translation>取值不能为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list of values must not be empty.</source>
        <translation>取值列表不能为空。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a value of fact “%2”; values are: %3.</source>
        <translation>“%1”不是要素“%2”的取值；可用取值：%3。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A condition needs either “fact” with an operator or exactly one of “all”, “any”, “not”.</source>
        <translation>条件须为“fact”加一个运算符，或恰好为“all”“any”“not”三者之一。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The list of conditions must not be empty.</source>
        <translation>条件列表不能为空。</translation>
    </message>
</context>
<context>
    <name>DataDirectory</name>
    <message>
        <location filename="../server/DataDirectory.cpp" line="+57"/>
        <source>%1 exists and is not a directory.</source>
        <translation>%1 已存在且不是目录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 already exists and is not empty; “init” only creates a new data directory.</source>
        <translation>%1 已存在且不为空；“init”只能创建新的数据目录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create the directory %1.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot restrict access to %1.</source>
        <translation>无法限制 %1 的访问权限。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The field-encryption key %1 is missing; restore it from your key backup.</source>
        <translation>字段加密密钥 %1 缺失；请从密钥备份中恢复。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../core/storage/Database.cpp" line="+38"/>
        <source>The Qt SQL driver %1 is not installed.</source>
        <translation>未安装 Qt SQL 驱动 %1。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The transaction could not be started.</source>
        <translation>无法开始事务。</translation>
    </message>
    <message>
        <location filename="../server/GroupCommit.cpp" line="+29"/>
        <source>The database is busy or unavailable; try again in a moment.</source>
        <translation>数据库繁忙或不可用，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <location filename="../server/DatabaseBackup.cpp" line="+56"/>
        <source>This data directory keeps its data in PostgreSQL; back it up with pg_dump and restore it with pg_restore.</source>
        <translation>此数据目录的数据保存在 PostgreSQL 中；请用 pg_dump 备份、用 pg_restore 恢复。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is damaged or not a database (integrity check: %2).</source>
        <translation>%1 已损坏或不是数据库（完整性检查：%2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a CaseDesk database.</source>
        <translation>%1 不是 CaseDesk 数据库。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a CaseDesk server database.</source>
        <translation>%1 不是 CaseDesk 服务器数据库。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was written by a newer CaseDesk (%2 schema version %3; this program knows %4).</source>
        <translation>%1 由更新版本的 CaseDesk 写入（%2 结构版本 %3；本程序仅支持到 %4）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The personal data in %1 was encrypted with another key than %2; restore the key that belongs to this backup first.</source>
        <translation>%1 中的个人信息不是用 %2 加密的；请先恢复与此备份对应的密钥。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 exists already; choose a new file name.</source>
        <translation>%1 已存在，请换一个文件名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The directory of %1 does not exist.</source>
        <translation>%1 所在的目录不存在。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot flush %1 to disk.</source>
        <translation>无法将 %1 写入磁盘。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A server (process %1) is using %2; stop it before restoring.</source>
        <translation>服务器（进程 %1）正在使用 %2；请先停止服务器再恢复。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot copy %1 into %2.</source>
        <translation>无法将 %1 复制到 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot flush the restored database to disk.</source>
        <translation>无法将恢复的数据库写入磁盘。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot move the current database aside.</source>
        <translation>无法移开当前数据库。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot put the restored database in place.</source>
        <translation>无法启用恢复的数据库。</translation>
    </message>
</context>
<context>
    <name>DeadlineCalculator</name>
    <message>
        <location filename="../core/deadlines/DeadlineCalculator.cpp" line="+106"/>
        <source>Branch %1 has an unknown time zone “%2”; using %3.</source>
        <translation>机构 %1 的时区“%2”无法识别；改用 %3。</translation>
    </message>
</context>
<context>
    <name>DemoCaseGenerator</name>
    <message>
        <location filename="../core/demo/DemoCaseGenerator.cpp" line="+250"/>
        <source>Demo case %1 (%2): %3</source>
        <translation>演示案件 %1（%2）：%3</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The demo period must run from a date to a later one.</source>
        <translation>演示期间的结束日期须晚于开始日期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The demo organisation has no branches.</source>
        <translation>演示机构中没有分支机构。</translation>
    </message>
    <message>
        <location line="+610"/>
        <source>Nobody reviews complaints of branch %1.</source>
        <translation>机构 %1 没有负责审核投诉的人员。</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+220"/>
        <source>Nobody handles cases of unit %1.</source>
        <translation>部门 %1 没有经办人员。</translation>
    </message>
</context>
<context>
    <name>DemoOrganisation</name>
    <message>
        <location filename="../core/demo/DemoOrganisation.cpp" line="+120"/>
        <source>Branch %1 has no parent.</source>
        <translation>机构 %1 没有上级机构。</translation>
    </message>
</context>
<context>
    <name>DemoSeeder</name>
    <message>
        <location filename="../server/DemoSeeder.cpp" line="+45"/>
        <source>A server is using %1; stop it before seeding demo data.</source>
        <translation>服务器正在使用 %1；请先停止服务器再生成演示数据。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 holds %2 cases already; demo data goes into a new data directory.</source>
        <translation>%1 中已有 %2 件案件；演示数据只能写入新的数据目录。</translation>
    </message>
</context>
<context>
    <name>DirectoryApi</name>
    <message>
        <location filename="../server/DirectoryApi.cpp" line="+84"/>
        <source>There is no branch “%1”.</source>
        <translation>机构“%1”不存在。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>add branches</source>
        <translation>添加机构</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>add users</source>
        <translation>添加用户</translation>
    </message>
</context>
<context>
    <name>EarlyWarningRules</name>
    <message>
        <location filename="../core/report/EarlyWarningRules.cpp" line="+26"/>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is not a JSON object: %1</source>
        <translation>不是 JSON 对象：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The baseline must span between 2 and %1 months.</source>
        <translation>基线期须为 2 至 %1 个月。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>k must be a number between 0 and 10, e.g. 2.</source>
        <translation>k 须为 0 至 10 之间的数，如 2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The minimum count must be a whole number of at least 1.</source>
        <translation>最小件数须为不小于 1 的整数。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a dimension the report watches; use %2.</source>
        <translation>“%1”不是报表监测的维度；请使用 %2。</translation>
    </message>
</context>
<context>
    <name>FieldCipher</name>
    <message>
        <location filename="../core/security/FieldCipher.cpp" line="+64"/>
        <source>A stored personal-data field is not in the expected encrypted format.</source>
        <translation>已存储的个人信息字段不是预期的加密格式。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A stored personal-data field could not be decrypted: it was altered, or the key is not the one it was encrypted with.</source>
        <translation>已存储的个人信息字段无法解密：数据已被篡改，或密钥与加密时所用的不同。</translation>
    </message>
</context>
<context>
    <name>IntakeDraft</name>
    <message>
        <location filename="../app/ui/IntakeDraft.cpp" line="+84"/>
        <source>%1 is required.</source>
        <translation>%1为必填项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is recommended for this channel.</source>
        <translation>此渠道建议填写%1。</translation>
    </message>
</context>
<context>
    <name>IntakeFieldRules</name>
    <message>
        <location filename="../core/rules/IntakeFieldRules.cpp" line="+53"/>
        <source>“%1” is not listed under “fields”.</source>
        <translation>“%1”未列在“fields”中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+33"/>
        <source>“%1” is listed twice.</source>
        <translation>“%1”重复列出。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>“%1” is not an intake field; fields are: %2.</source>
        <translation>“%1”不是登记字段；可用字段：%2。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>“%1” is not a channel; channels are: %2.</source>
        <translation>“%1”不是投诉渠道；可用渠道：%2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“%1” is already required for this channel.</source>
        <translation>“%1”已是此渠道的必填项。</translation>
    </message>
</context>
<context>
    <name>IntakeValidator</name>
    <message>
        <location filename="../core/casework/IntakeValidator.cpp" line="+29"/>
        <source>“%1” is required for a complaint received by this channel.</source>
        <translation>通过此渠道受理的投诉必须填写“%1”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An anonymous complaint carries no name, phone or ID number; clear them or untick anonymous.</source>
        <translation>匿名投诉不登记姓名、电话或证件号码；请清除这些信息，或取消勾选“匿名”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The time the complaint was received is required.</source>
        <translation>必须填写投诉受理时间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The time received lies in the future.</source>
        <translation>受理时间晚于当前时间。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The forwarding body&apos;s deadline lies before the complaint was received.</source>
        <translation>转办机构的时限早于投诉受理时间。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is recommended for this channel.</source>
        <translation>此渠道建议填写“%1”。</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <location filename="../core/base/JsonReader.cpp" line="+43"/>
        <location line="+160"/>
        <source>Field “%1” must be %2.</source>
        <translation>字段“%1”必须是%2。</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Field “%1” is required.</source>
        <translation>字段“%1”为必填项。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Field “%1” must not be empty.</source>
        <translation>字段“%1”不能为空。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a date written YYYY-MM-DD</source>
        <translation>YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a time in ISO 8601 with a UTC offset, e.g. 2026-11-24T10:20:00+08:00</source>
        <translation>带 UTC 偏移的 ISO 8601 时间，如 2026-11-24T10:20:00+08:00</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a list of strings</source>
        <translation>字符串列表</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+23"/>
        <location line="+1"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Field “%1” is not known here.</source>
        <translation>此处不接受字段“%1”。</translation>
    </message>
    <message>
        <location filename="../core/domain/Party.cpp" line="+30"/>
        <source>Party kind must be one of: %1.</source>
        <translation>当事人类型须为以下之一：%1。</translation>
    </message>
</context>
<context>
    <name>KeyFile</name>
    <message>
        <location filename="../core/security/KeyFile.cpp" line="+97"/>
        <source>The key file “%1” is not a regular file.</source>
        <translation>密钥文件“%1”不是普通文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key file “%1” may be accessed by other users (mode %2). Restrict it to its owner with “chmod 600 %1”.</source>
        <translation>密钥文件“%1”可被其他用户访问（权限 %2）。请用“chmod 600 %1”限定仅其所有者可访问。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The key file “%1” has %2 bytes instead of %3. It is damaged or not a CaseDesk key; restore it from a backup (a new key cannot decrypt existing data).</source>
        <translation>密钥文件“%1”长 %2 字节，应为 %3 字节。该文件已损坏或不是 CaseDesk 密钥；请从备份中恢复（新密钥无法解密现有数据）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The key file “%1” could not be read completely.</source>
        <translation>未能完整读取密钥文件“%1”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The key file “%1” cannot be read: %2.</source>
        <translation>无法读取密钥文件“%1”：%2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A key file needs a path and a size between 1 and %1 bytes.</source>
        <translation>密钥文件须有路径，且大小在 1 至 %1 字节之间。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The key file “%1” could not be created: %2.</source>
        <translation>无法创建密钥文件“%1”：%2。</translation>
    </message>
</context>
<context>
    <name>LanguageTranslators</name>
    <message>
        <location filename="../core/base/LanguageTranslators.cpp" line="+35"/>
        <source>“%1” is not a language CaseDesk speaks; use %2.</source>
        <translation>CaseDesk 不支持语言“%1”；请使用 %2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The translations for “%1” are missing from this build.</source>
        <translation>此版本缺少“%1”的翻译。</translation>
    </message>
</context>
<context>
    <name>ListenAddress</name>
    <message>
        <location filename="../server/ListenAddress.cpp" line="+10"/>
        <source>“%1” is not an address to listen on; write host:port, e.g. 127.0.0.1:8640.</source>
        <translation>“%1”不是有效的监听地址；请写成“主机:端口”，如 127.0.0.1:8640。</translation>
    </message>
</context>
<context>
    <name>LocalProfile</name>
    <message>
        <location filename="../app/session/LocalProfile.cpp" line="+24"/>
        <source>The local profile %1 cannot be read: %2</source>
        <translation>无法读取本地配置文件 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The local profile %1 is damaged: %2</source>
        <translation>本地配置文件 %1 已损坏：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot create the local data folder %1.</source>
        <translation>无法创建本地数据文件夹 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>The local profile %1 cannot be written: %2</source>
        <translation>无法写入本地配置文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <location filename="../core/domain/Money.cpp" line="+17"/>
        <source>“%1” is not an amount in yuan with at most two decimals.</source>
        <translation>“%1”不是有效金额（以元为单位，最多两位小数）。</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDocument</name>
    <message>
        <location filename="../core/report/MonthlyReportDocument.cpp" line="+57"/>
        <source>“%1” is not a report format; use json, pdf, xlsx or csv.</source>
        <translation>“%1”不是报表格式；请使用 json、pdf、xlsx 或 csv。</translation>
    </message>
</context>
<context>
    <name>MonthlyReportEngine</name>
    <message>
        <location filename="../core/report/MonthlyReportEngine.cpp" line="+777"/>
        <source>read reports</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+18"/>
        <source>No such branch, or it is outside what you may see.</source>
        <translation>机构不存在，或不在您的查看范围内。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The month %1 has not begun yet.</source>
        <translation>月份 %1 尚未开始。</translation>
    </message>
</context>
<context>
    <name>OfflineCasework</name>
    <message>
        <location filename="../core/sync/OfflineCasework.cpp" line="+59"/>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changed %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Moved to %1</source>
        <translation>状态改为%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Action %1</source>
        <translation>操作：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Added %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Corrective action: %1</source>
        <translation>整改措施：%1</translation>
    </message>
</context>
<context>
    <name>OperationsApi</name>
    <message>
        <location filename="../server/OperationsApi.cpp" line="+32"/>
        <source>There is no /metrics here.</source>
        <translation>此处没有 /metrics。</translation>
    </message>
</context>
<context>
    <name>OrganisationAdmin</name>
    <message>
        <location filename="../server/OrganisationAdmin.cpp" line="+58"/>
        <source>A branch code has 2 to 12 capital letters or digits, e.g. SH01.</source>
        <translation>机构代码由 2 至 12 个大写字母或数字组成，如 SH01。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The branch needs a name.</source>
        <translation>机构须有名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a time zone (e.g. Asia/Shanghai).</source>
        <translation>“%1”不是时区（例如 Asia/Shanghai）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The cut-off is a time written HH:mm, e.g. 17:00.</source>
        <translation>截止时间须写成 HH:mm，如 17:00。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A branch with code %1 already exists.</source>
        <translation>代码为 %1 的机构已存在。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is a head office already; name the parent branch.</source>
        <translation>总行已存在；请指定上级机构。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+50"/>
        <source>There is no branch with code %1.</source>
        <translation>没有代码为 %1 的机构。</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>A login has 2 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>登录名由 2 至 64 个字母、数字、点、连字符或下划线组成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user needs a name.</source>
        <translation>用户须有姓名。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a role; roles are %2.</source>
        <translation>“%1”不是角色；可用角色：%2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the user at least one role.</source>
        <translation>请至少为用户指定一个角色。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a handling unit of this profile.</source>
        <translation>“%1”不是当前规则配置中的承办部门。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The login %1 is taken.</source>
        <translation>登录名 %1 已被占用。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>There is no user with login %1.</source>
        <translation>没有登录名为 %1 的用户。</translation>
    </message>
</context>
<context>
    <name>PasswordHasher</name>
    <message>
        <location filename="../core/security/PasswordHasher.cpp" line="+49"/>
        <source>The password must not be empty.</source>
        <translation>密码不能为空。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The password could not be processed because the server is short of memory. Please try again later.</source>
        <translation>服务器内存不足，无法处理密码。请稍后再试。</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>The password must have at least %n characters.</source>
        <translation>
            <numerusform>密码至少须有 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The password must not consist of digits only; add letters or other characters.</source>
        <translation>密码不能全为数字；请加入字母或其他字符。</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <location filename="../core/validation/PhoneNumber.cpp" line="+27"/>
        <source>This is not a valid phone number. Enter an 11-digit mobile number such as 13812345678, or a landline with its area code such as 010-12345678 or 0755-1234567, optionally followed by an extension (0755-1234567-123).</source>
        <translation>电话号码无效。请输入 11 位手机号码（如 13812345678），或带区号的固定电话（如 010-12345678 或 0755-1234567），可附分机号（如 0755-1234567-123）。</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../app/session/Preferences.cpp" line="+101"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>PrintContext</name>
    <message>
        <location filename="../core/report/PrintContext.cpp" line="+47"/>
        <source>Printing needs the GUI library; start the program with a QGuiApplication (a server can use QT_QPA_PLATFORM=offscreen).</source>
        <translation>打印需要图形界面库；请以 QGuiApplication 启动程序（服务器可设置 QT_QPA_PLATFORM=offscreen）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No font with Chinese characters is installed; install fonts-wqy-microhei, otherwise Chinese text would be missing from printed documents.</source>
        <translation>未安装中文字体；请安装 fonts-wqy-microhei，否则打印文档中的中文将会缺失。</translation>
    </message>
</context>
<context>
    <name>PrintDocument</name>
    <message>
        <location filename="../core/report/PrintDocument.cpp" line="+559"/>
        <source>The printer or PDF file could not be opened for drawing.</source>
        <translation>无法打开打印机或 PDF 文件进行绘制。</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The printer could not start a new page.</source>
        <translation>打印机无法开始新的一页。</translation>
    </message>
</context>
<context>
    <name>PriorityRules</name>
    <message>
        <location filename="../core/rules/PriorityRules.cpp" line="+34"/>
        <source>“%1” is not a priority; priorities are: %2.</source>
        <translation>“%1”不是优先级；可用优先级：%2。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/session/Workspace.cpp" line="+24"/>
        <source>Cannot create the local data folder %1.</source>
        <translation>无法创建本地数据文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>QueryReader</name>
    <message>
        <location filename="../server/QueryReader.cpp" line="+44"/>
        <source>Parameter “%1” must be true or false.</source>
        <translation>参数“%1”必须是 true 或 false。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Parameter “%1” must be a whole number from %2 to %3.</source>
        <translation>参数“%1”必须是 %2 至 %3 的整数。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Parameter “%1” must be a date written YYYY-MM-DD.</source>
        <translation>参数“%1”必须是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Parameter “%1” must be one of: %2.</source>
        <translation>参数“%1”须为以下之一：%2。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Parameter “%1” is not known here; known are: %2.</source>
        <translation>此处不接受参数“%1”；可用参数：%2。</translation>
    </message>
</context>
<context>
    <name>RecordSchema</name>
    <message>
        <location filename="../core/rules/RecordSchema.cpp" line="+75"/>
        <source>“%1” is not a field type; types are: %2.</source>
        <translation>“%1”不是字段类型；可用类型：%2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only fields of type “code” list their values.</source>
        <translation>只有“code”类型的字段才列出取值。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Values must not be empty.</source>
        <translation>取值不能为空。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is listed twice.</source>
        <translation>“%1”重复列出。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A field of type “code” needs at least one value.</source>
        <translation>“code”类型的字段至少需要一个取值。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>“%1” is not a kind of record; kinds are: %2.</source>
        <translation>“%1”不是记录类型；可用类型：%2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is not a field of a %2 record.</source>
        <translation>“%1”不是“%2”记录的字段。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” must be %2.</source>
        <translation>“%1”必须是%2。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” is required.</source>
        <translation>“%1”为必填项。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a date written YYYY-MM-DD</source>
        <translation>YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a time in ISO 8601 with a UTC offset, e.g. 2026-11-24T10:20:00+08:00</source>
        <translation>带 UTC 偏移的 ISO 8601 时间，如 2026-11-24T10:20:00+08:00</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an amount in yuan</source>
        <translation>以元为单位的金额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>one of: %1</source>
        <translation>以下之一：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” must be one of: %2.</source>
        <translation>“%1”须为以下之一：%2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a cause code</source>
        <translation>投诉原因代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a cause of the taxonomy.</source>
        <translation>“%1”不是分类体系中的投诉原因。</translation>
    </message>
</context>
<context>
    <name>RecordValueText</name>
    <message>
        <location filename="../app/ui/RecordValueText.cpp" line="+26"/>
        <source>¥%1</source>
        <translation>¥%1</translation>
    </message>
</context>
<context>
    <name>ReportApi</name>
    <message>
        <location filename="../server/ReportApi.cpp" line="+33"/>
        <source>No such branch, or it is outside what you may see.</source>
        <translation>机构不存在，或不在您的查看范围内。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the month to report is required, as YYYY-MM</source>
        <translation>须指定报告月份，格式为 YYYY-MM</translation>
    </message>
</context>
<context>
    <name>ReportMonth</name>
    <message>
        <location filename="../core/report/ReportMonth.cpp" line="+21"/>
        <source>“%1” is not a month; write it as YYYY-MM, e.g. 2026-03.</source>
        <translation>“%1”不是月份；请写成 YYYY-MM，如 2026-03。</translation>
    </message>
</context>
<context>
    <name>RoutingRules</name>
    <message>
        <location filename="../core/rules/RoutingRules.cpp" line="+38"/>
        <source>“%1” is not a role; roles are: %2.</source>
        <translation>“%1”不是角色；可用角色：%2。</translation>
    </message>
</context>
<context>
    <name>RuleFileError</name>
    <message>
        <location filename="../core/rules/RuleFileError.cpp" line="+15"/>
        <source>%1, field “%2”</source>
        <translation>%1，字段“%2”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, entry “%2”, field “%3”</source>
        <translation>%1，条目“%2”，字段“%3”</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>RuleFileReader</name>
    <message>
        <location filename="../core/rules/RuleFileReader.cpp" line="+21"/>
        <source>“%1” is used by an earlier entry; codes must be unique.</source>
        <translation>“%1”已被前面的条目使用；代码不能重复。</translation>
    </message>
    <message>
        <location filename="../core/rules/RuleFileReader.h" line="+40"/>
        <source>The list “%1” must not be empty.</source>
        <translation>列表“%1”不能为空。</translation>
    </message>
</context>
<context>
    <name>RulePack</name>
    <message>
        <location filename="../core/rules/RulePack.cpp" line="+56"/>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not valid JSON at line %1, column %2: %3</source>
        <translation>不是有效的 JSON（第 %1 行第 %2 列）：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must hold a JSON object.</source>
        <translation>必须包含一个 JSON 对象。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>“%1” is not a rule profile; profiles are: %2.</source>
        <translation>“%1”不是规则配置；可用配置：%2。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The file declares profile “%1” but is named for profile “%2”.</source>
        <translation>文件声明的规则配置为“%1”，但文件名对应的是“%2”。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Unit “%1” is not defined in profile “%2”.</source>
        <translation>规则配置“%2”中未定义部门“%1”。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1, entry “%2”, field “%3”: “%4” is not a %5 of profile “%6”; the rule cannot fire on it.</source>
        <translation>%1，条目“%2”，字段“%3”：“%4”不是规则配置“%6”中的%5，该规则无法据此触发。</translation>
    </message>
</context>
<context>
    <name>SchemaMigrator</name>
    <message>
        <location filename="../core/storage/SchemaMigrator.cpp" line="+41"/>
        <source>Migrations of %1 are not numbered 1, 2, 3 …</source>
        <translation>%1 的迁移未按 1、2、3 … 编号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database was written by a newer CaseDesk (%1 schema version %2; this program knows %3).</source>
        <translation>数据库由更新版本的 CaseDesk 写入（%1 结构版本 %2；本程序仅支持到 %3）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Migration %1 of %2 (%3) failed: %4</source>
        <translation>%2 的第 %1 号迁移（%3）失败：%4</translation>
    </message>
</context>
<context>
    <name>ServerCommandLine</name>
    <message>
        <location filename="../server/ServerCommandLine.cpp" line="+36"/>
        <source>The server&apos;s data directory.</source>
        <translation>服务器的数据目录。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Usage:
  casedesk-server init    --data DIR [--db-url postgresql://…] --admin-login L --admin-password-file F
                          [--admin-name NAME] [--profile bank|securities] [--head-office-code HO]
                          [--head-office-name NAME] [--listen HOST:PORT]
  casedesk-server serve   --data DIR [--listen 127.0.0.1:8640] [--tls-cert F --tls-key F]
  casedesk-server user    add --data DIR --login L --name NAME --roles reception[,handler,…]
                              --branch CODE --password-file F [--unit UNIT] [--phone P]
  casedesk-server user    disable|enable --data DIR --login L
  casedesk-server user    reset-password --data DIR --login L --password-file F
  casedesk-server user    list --data DIR
  casedesk-server branch  add --data DIR --code SH01 --name NAME [--parent CODE]
                              [--timezone Asia/Shanghai] [--cutoff 17:00]
  casedesk-server branch  list --data DIR
  casedesk-server backup  --data DIR --out FILE
  casedesk-server restore --data DIR --from FILE
  casedesk-server demo    --data DIR [--password-file F] [--seed N]
Password files hold the password on their first line; “-” reads it from standard input.
</source>
        <translation>用法：
  casedesk-server init    --data DIR [--db-url postgresql://…] --admin-login L --admin-password-file F
                          [--admin-name NAME] [--profile bank|securities] [--head-office-code HO]
                          [--head-office-name NAME] [--listen HOST:PORT]
  casedesk-server serve   --data DIR [--listen 127.0.0.1:8640] [--tls-cert F --tls-key F]
  casedesk-server user    add --data DIR --login L --name NAME --roles reception[,handler,…]
                              --branch CODE --password-file F [--unit UNIT] [--phone P]
  casedesk-server user    disable|enable --data DIR --login L
  casedesk-server user    reset-password --data DIR --login L --password-file F
  casedesk-server user    list --data DIR
  casedesk-server branch  add --data DIR --code SH01 --name NAME [--parent CODE]
                              [--timezone Asia/Shanghai] [--cutoff 17:00]
  casedesk-server branch  list --data DIR
  casedesk-server backup  --data DIR --out FILE
  casedesk-server restore --data DIR --from FILE
  casedesk-server demo    --data DIR [--password-file F] [--seed N]
密码文件的第一行为密码；“-”表示从标准输入读取。
</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>--%1 is required.</source>
        <translation>必须提供 --%1。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot read the password from standard input.</source>
        <translation>无法从标准输入读取密码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read the password file %1.</source>
        <translation>无法读取密码文件 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password file %1 is empty.</source>
        <translation>密码文件 %1 为空。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>“%1” is not a command.</source>
        <translation>“%1”不是命令。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PostgreSQL database instead of SQLite.</source>
        <translation>使用 PostgreSQL 数据库代替 SQLite。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login of the first administrator.</source>
        <translation>首个管理员的登录名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File holding their password.</source>
        <translation>存放其密码的文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their name.</source>
        <translation>其姓名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule profile: bank or securities.</source>
        <translation>规则配置：bank（银行）或 securities（证券）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code of the head office.</source>
        <translation>总行代码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the head office.</source>
        <translation>总行名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address to serve on.</source>
        <translation>服务监听地址。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+86"/>
        <source>Unexpected argument “%1”.</source>
        <translation>多余的参数“%1”。</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>“%1” is not a rule profile; profiles are %2.</source>
        <translation>“%1”不是规则配置；可用配置：%2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--db-url takes a postgresql://user:password@host:port/database URL.</source>
        <translation>--db-url 的值须为 postgresql://用户:密码@主机:端口/数据库 形式的 URL。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database at --db-url already holds a CaseDesk installation; init needs an empty one.</source>
        <translation>--db-url 指定的数据库中已有 CaseDesk 数据；init 需要一个空数据库。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Head office</source>
        <translation>总行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Initialised %1 (%2 database, profile %3): head office %4, administrator %5.
The field-encryption key is %6 — back it up separately; without it the complainants&apos; phone and ID numbers cannot be read.
Start the server with: casedesk-server serve --data %1
</source>
        <translation>已初始化 %1（%2 数据库，规则配置 %3）：总行 %4，管理员 %5。
字段加密密钥为 %6——请另行备份；没有它将无法读取投诉人的电话和证件号码。
启动服务器：casedesk-server serve --data %1
</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Address to serve on (default: the conf&apos;s).</source>
        <translation>服务监听地址（默认取配置文件中的设置）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificate chain for HTTPS.</source>
        <translation>HTTPS 使用的 PEM 证书链。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM private key for HTTPS.</source>
        <translation>HTTPS 使用的 PEM 私钥。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The user&apos;s login.</source>
        <translation>用户的登录名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user&apos;s name.</source>
        <translation>用户的姓名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma-separated roles.</source>
        <translation>角色，以逗号分隔。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code of the user&apos;s branch.</source>
        <translation>用户所属机构的代码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling unit code.</source>
        <translation>承办部门代码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user&apos;s work phone.</source>
        <translation>用户的工作电话。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File holding the password.</source>
        <translation>存放密码的文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add, disable, enable, reset-password or list</source>
        <translation>add、disable、enable、reset-password 或 list</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“user” needs one of: %1.</source>
        <translation>“user”须带以下子命令之一：%1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--%1 is required for “user %2”.</source>
        <translation>“user %2”必须提供 --%1。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Added user %1 (%2) with roles %3 at branch %4.
</source>
        <translation>已添加用户 %1（%2），角色 %3，所属机构 %4。
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disabled %1; their sessions have ended.
</source>
        <translation>已停用 %1；其会话已全部结束。
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled %1.
</source>
        <translation>已启用 %1。
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New password set for %1; the account is unlocked and its sessions have ended.
</source>
        <translation>已为 %1 设置新密码；账户已解锁，其会话已全部结束。
</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Branch code, e.g. SH01.</source>
        <translation>机构代码，如 SH01。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch name.</source>
        <translation>机构名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code of the parent branch.</source>
        <translation>上级机构代码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone, e.g. Asia/Shanghai.</source>
        <translation>时区，如 Asia/Shanghai。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing time, e.g. 17:00.</source>
        <translation>营业截止时间，如 17:00。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add or list</source>
        <translation>add 或 list</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“branch” needs one of: add, list.</source>
        <translation>“branch”须带以下子命令之一：add、list。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--%1 is required for “branch add”.</source>
        <translation>“branch add”必须提供 --%1。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Added branch %1 (%2), time zone %3, cut-off %4.
</source>
        <translation>已添加机构 %1（%2），时区 %3，截止时间 %4。
</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The backup file to write.</source>
        <translation>要写入的备份文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backed up %1 cases (revision %2) to %3 (%4 bytes), checked.
The field-encryption key is not in the backup: keep a copy of %5 with it.
</source>
        <translation>已将 %1 件案件（修订号 %2）备份到 %3（%4 字节），并已校验。
字段加密密钥不在备份中：请将 %5 的副本与备份一同保存。
</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The backup file to restore.</source>
        <translation>要恢复的备份文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restored %1 cases (revision %2) from %3.
</source>
        <translation>已从 %3 恢复 %1 件案件（修订号 %2）。
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The previous database was kept as %1.
</source>
        <translation>原数据库已保留为 %1。
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Password for every demo user (default: random).</source>
        <translation>所有演示用户的密码（默认随机生成）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random seed; the same seed gives the same cases.</source>
        <translation>随机种子；相同的种子生成相同的案件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--seed takes a whole number.</source>
        <translation>--seed 的值须为整数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seeding a year of demo complaints; this takes a minute or two …
</source>
        <translation>正在生成一年的演示投诉，需要一两分钟……
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo data from %1 to %2: %3 cases, %4 open (%5 overdue), %6 repeats, %7 escalated; on time %8%, satisfied %9%.
</source>
        <translation>演示数据 %1 至 %2：共 %3 件，未结 %4 件（超期 %5 件），重复投诉 %6 件，上报 %7 件；及时率 %8%，满意率 %9%。
</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Demo logins (password for all: %1):
</source>
        <translation>演示登录名（密码均为：%1）：
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The list is also in %1.
</source>
        <translation>此列表也保存在 %1 中。
</translation>
    </message>
</context>
<context>
    <name>ServerConfig</name>
    <message>
        <location filename="../server/ServerConfig.cpp" line="+15"/>
        <source>%1: the value of “%2” must be %3.</source>
        <translation>%1：“%2”的值必须是%3。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 does not exist or cannot be read. Is this a CaseDesk data directory (see “init”)?</source>
        <translation>%1 不存在或无法读取。这是 CaseDesk 数据目录吗（参见“init”）？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a valid settings file.</source>
        <translation>%1 不是有效的设置文件。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a file name or a postgresql:// URL</source>
        <translation>文件名或 postgresql:// URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number of bytes between 1024 and 1073741824</source>
        <translation>1024 至 1073741824 之间的字节数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on or off</source>
        <translation>on 或 off</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a whole number from 1 to 100</source>
        <translation>1 至 100 的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number of seconds up to a week</source>
        <translation>不超过一周的秒数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number of hours from 1 to 2160</source>
        <translation>1 至 2160 的小时数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a whole number from 1 to 100000</source>
        <translation>1 至 100000 的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>milliseconds from 0 to 1000</source>
        <translation>0 至 1000 的毫秒数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a whole number from 1 to 10000</source>
        <translation>1 至 10000 的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>zh_CN or en</source>
        <translation>zh_CN 或 en</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>interactive or moderate</source>
        <translation>interactive 或 moderate</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an ISO 8601 time with offset</source>
        <translation>带时区偏移的 ISO 8601 时间</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>ServerRuntime</name>
    <message>
        <location filename="../server/ServerRuntime.cpp" line="+64"/>
        <source>%1 is not a data directory; create one with “casedesk-server init”.</source>
        <translation>%1 不是数据目录；请用“casedesk-server init”创建。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Another server (process %1) is already serving %2.</source>
        <translation>另一个服务器（进程 %1）已在使用 %2。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>TLS needs both --tls-cert and --tls-key.</source>
        <translation>TLS 需要同时提供 --tls-cert 和 --tls-key。</translation>
    </message>
</context>
<context>
    <name>SupervisionReplyDocument</name>
    <message>
        <location filename="../core/report/SupervisionReplyDocument.cpp" line="+54"/>
        <source>Case %1 has no supervision reply to print yet.</source>
        <translation>案件 %1 尚无可打印的督办单回复。</translation>
    </message>
</context>
<context>
    <name>SyncApi</name>
    <message>
        <location filename="../server/SyncApi.cpp" line="+42"/>
        <source>Push at most %1 ops at a time.</source>
        <translation>每次最多推送 %1 个操作。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“device” is not the device this session logged in from.</source>
        <translation>“device”与本会话登录时使用的设备不符。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Each op must be an object.</source>
        <translation>每个操作都必须是对象。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This op_id was used by another user.</source>
        <translation>此 op_id 已被其他用户使用。</translation>
    </message>
</context>
<context>
    <name>SyncOp</name>
    <message>
        <location filename="../core/sync/SyncOp.cpp" line="+35"/>
        <source>“op_id” must be a UUID.</source>
        <translation>“op_id”必须是 UUID。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/sync/SyncOpApplier.cpp" line="+64"/>
        <source>“%1” is not a kind of sync operation.</source>
        <translation>“%1”不是同步操作类型。</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncOpApplier.cpp" line="-23"/>
        <source>“to” must be a case status.</source>
        <translation>“to”必须是案件状态。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Someone else changed %1 meanwhile; your other changes were applied.</source>
        <translation>在此期间他人修改了%1；您的其他修改已生效。</translation>
    </message>
</context>
<context>
    <name>Taxonomy</name>
    <message>
        <location filename="../core/rules/Taxonomy.cpp" line="+134"/>
        <source>“%1” is not a channel; channels are: %2.</source>
        <translation>“%1”不是投诉渠道；可用渠道：%2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is not a node of the channel axis.</source>
        <translation>“%1”不是渠道分类轴上的节点。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Channel “%1” has no entry; every channel needs a name.</source>
        <translation>渠道“%1”没有条目；每个渠道都需要名称。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Complexity must be one of: %1.</source>
        <translation>复杂程度须为以下之一：%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unit “%1” is not defined under “units”.</source>
        <translation>部门“%1”未在“units”中定义。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Statistics group “%1” is not defined under “statistics_groups”.</source>
        <translation>统计分组“%1”未在“statistics_groups”中定义。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a node of the cause axis.</source>
        <translation>“%1”不是原因分类轴上的节点。</translation>
    </message>
</context>
<context>
    <name>TimeLimits</name>
    <message>
        <location filename="../core/rules/TimeLimits.cpp" line="+17"/>
        <source>Field “%1” must be a whole number between 1 and 3650.</source>
        <translation>字段“%1”必须是 1 至 3650 之间的整数。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The extended limit must not be shorter than the complex limit.</source>
        <translation>延长后的时限不得短于复杂投诉的时限。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Statutory extensions must be whole numbers of days, each longer than the one before.</source>
        <translation>法定时限的各次延长须为整数天数，且逐次递增。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“due_soon_share” must be a fraction between 0 and 1, e.g. 0.75.</source>
        <translation>“due_soon_share”须为 0 至 1 之间的小数，如 0.75。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“default_cutoff” must be a time written HH:mm, e.g. 17:00.</source>
        <translation>“default_cutoff”须为 HH:mm 格式的时间，如 17:00。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a known time zone.</source>
        <translation>“%1”不是已知的时区。</translation>
    </message>
</context>
<context>
    <name>TlsCredentials</name>
    <message>
        <location filename="../server/TlsCredentials.cpp" line="+14"/>
        <source>TLS is not available: Qt found no TLS backend (install the OpenSSL libraries).</source>
        <translation>TLS 不可用：Qt 未找到 TLS 后端（请安装 OpenSSL 库）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 holds no unencrypted PEM private key (RSA or EC).</source>
        <translation>%1 中没有未加密的 PEM 私钥（RSA 或 EC）。</translation>
    </message>
</context>
<context>
    <name>TransitionGuard</name>
    <message>
        <location filename="../core/workflow/TransitionGuard.cpp" line="+28"/>
        <source>A reason is required to re-open a case.</source>
        <translation>重新打开案件须填写原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A reason is required to withdraw a case.</source>
        <translation>撤诉须填写原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the reply summary (what the customer was told) before resolving the case.</source>
        <translation>答复前请填写答复摘要（告知客户的内容）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A reason is required for this step.</source>
        <translation>此步骤须填写原因。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Say whether the withdrawal was voluntary.</source>
        <translation>请说明撤诉是否出于自愿。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set the cause before resolving the case.</source>
        <translation>答复前请先确定投诉原因。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a handler or a handling unit before dispatching the case.</source>
        <translation>派单前请选择经办人或承办部门。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You are neither the assignee of this case nor a member of its handling unit.</source>
        <translation>您既不是本案件的经办人，也不属于其承办部门。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>You are the person complained about and may not handle this case.</source>
        <translation>您是被投诉人，不得经办本案件。</translation>
    </message>
</context>
<context>
    <name>VisitOutcome</name>
    <message numerus="yes">
        <location filename="../core/casework/VisitOutcome.cpp" line="+12"/>
        <source>Follow-up visit closed: the customer could not be reached in %n attempt(s).</source>
        <translation>
            <numerusform>回访结束：%n 次均未能联系上客户。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer not reached (attempt %1 of %2).</source>
        <translation>未联系上客户（第 %1 次，共 %2 次）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Follow-up visit: problem solved, customer %1.</source>
        <translation>回访：问题已解决，客户%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow-up visit: the customer is dissatisfied; the case is re-opened.</source>
        <translation>回访：客户不满意，案件已重新打开。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up visit: the problem is not (fully) solved; the case is re-opened.</source>
        <translation>回访：问题未（完全）解决，案件已重新打开。</translation>
    </message>
</context>
<context>
    <name>WorkflowNames</name>
    <message>
        <location filename="../core/workflow/WorkflowNames.cpp" line="+13"/>
        <source>Received</source>
        <extracomment>Case status 已受理</extracomment>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registered</source>
        <extracomment>Case status 已审核 (registered and reviewed)</extracomment>
        <translation>已审核</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dispatched</source>
        <extracomment>Case status 已派单</extracomment>
        <translation>已派单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In progress</source>
        <extracomment>Case status 处理中</extracomment>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resolved</source>
        <extracomment>Case status 已答复 (resolved, reply given)</extracomment>
        <translation>已答复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visited</source>
        <extracomment>Case status 已回访 (follow-up visit done)</extracomment>
        <translation>已回访</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archived</source>
        <extracomment>Case status 已归档</extracomment>
        <translation>已归档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Withdrawn</source>
        <extracomment>Case status 已撤诉</extracomment>
        <translation>已撤诉</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reception</source>
        <extracomment>Role 柜面/大堂</extracomment>
        <translation>柜面受理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handler</source>
        <extracomment>Role 经办人</extracomment>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Supervisor</source>
        <extracomment>Role 投诉管理岗</extracomment>
        <translation>投诉管理岗</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Manager</source>
        <extracomment>Role 分管领导</extracomment>
        <translation>分管领导</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Auditor</source>
        <extracomment>Role 稽核监察</extracomment>
        <translation>稽核监察</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Administrator</source>
        <extracomment>Role 系统管理员</extracomment>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>WorkingDayCalendar</name>
    <message>
        <location filename="../core/calendar/WorkingDayCalendar.cpp" line="+44"/>
        <source>%1, field “%2”</source>
        <translation>%1，字段“%2”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, entry “%2”, field “%3”</source>
        <translation>%1，条目“%2”，字段“%3”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, entry “%2” (%3), field “%4”</source>
        <translation>%1，条目“%2”（%3），字段“%4”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+162"/>
        <source>Field “%1” must be a date written YYYY-MM-DD.</source>
        <translation>字段“%1”必须是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>The holiday calendar folder “%1” does not exist.</source>
        <translation>节假日日历文件夹“%1”不存在。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: the file cannot be read (%2).</source>
        <translation>%1：无法读取文件（%2）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: not valid JSON (%2 at character %3).</source>
        <translation>%1：不是有效的 JSON（第 %3 个字符处：%2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: a calendar file must hold one JSON object.</source>
        <translation>%1：日历文件必须包含一个 JSON 对象。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Field “year” must be a year written with four digits.</source>
        <translation>字段“year”必须是四位数的年份。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file name says %1 but field “year” is %2.</source>
        <translation>文件名表明年份为 %1，但字段“year”为 %2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not in %2, the year of this file; a holiday spanning New Year is split between the two years&apos; files.</source>
        <translation>%1 不在本文件所属的 %2 年内；跨年的假期应拆分到两个年份的文件中。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The holiday ends on %1, before it starts on %2.</source>
        <translation>假期结束日 %1 早于开始日 %2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This holiday overlaps holidays[%1] (%2).</source>
        <translation>此假期与 holidays[%1]（%2）重叠。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 is not in %2, the year of this file.</source>
        <translation>%1 不在本文件所属的 %2 年内。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a Saturday or Sunday; only a weekend day can be a make-up working day.</source>
        <translation>%1 不是周六或周日；只有周末才能作为调休工作日。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 lies inside the holiday “%2”; a day cannot be both a holiday and a make-up working day.</source>
        <translation>%1 在假期“%2”之内；同一天不能既是假日又是调休工作日。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is listed twice.</source>
        <translation>%1 重复列出。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: %2 already describes %3; keep one calendar file a year.</source>
        <translation>%1：%2 已描述了 %3 年；每年只保留一个日历文件。</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>No holiday calendar for %1: counting Monday to Friday only.</source>
        <translation>没有 %1 年的节假日日历：仅按周一至周五计算工作日。</translation>
    </message>
</context>
<context>
    <name>XlsxExport</name>
    <message>
        <location filename="../core/report/XlsxExport.cpp" line="+143"/>
        <source>The spreadsheet could not be written: %1</source>
        <translation>无法写入电子表格：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>libxlsxwriter could not create the workbook</source>
        <translation>libxlsxwriter 无法创建工作簿</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>sheet “%1” was refused</source>
        <translation>工作表“%1”被拒绝</translation>
    </message>
</context>
<context>
    <name>casedesk::ApiServer</name>
    <message>
        <location filename="../server/ApiServer.cpp" line="+78"/>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>无法在 %1:%2 上监听：%3</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+76"/>
        <source>There is no %1 here.</source>
        <translation>此处没有 %1。</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>The request body is larger than the limit of %1 bytes.</source>
        <translation>请求正文超过 %1 字节的上限。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not allowed on %2; allowed: %3.</source>
        <translation>%2 不允许使用 %1；允许的方法：%3。</translation>
    </message>
</context>
<context>
    <name>casedesk::CaseActionDialog</name>
    <message>
        <location filename="../app/ui/CaseActionDialog.cpp" line="+41"/>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-assign</source>
        <translation>改派</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer to another unit</source>
        <translation>转其他部门办理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extend the reply time</source>
        <translation>延长答复时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extend the statutory limit</source>
        <translation>延长法定时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record as malicious</source>
        <translation>认定为恶意投诉</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>— the unit, nobody in person —</source>
        <translation>— 由部门承办，不指定个人 —</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Handler</source>
        <translation>经办人(&amp;H)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Unit</source>
        <translation>承办部门(&amp;U)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The handler must contact the complainant within %n working day(s) of dispatch.</source>
        <translation>
            <numerusform>经办人须在派单后 %n 个工作日内联系投诉人。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The reply time becomes %n working day(s) from receipt. It can be extended once; the reason is recorded and the complainant must be told.</source>
        <translation>
            <numerusform>答复时限将变为自受理起 %n 个工作日。时限只能延长一次；须记录原因并告知投诉人。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The statutory limit becomes %n calendar day(s) from receipt. A senior manager approves it and the complainant is told.</source>
        <translation>
            <numerusform>法定时限将变为自受理起 %n 个自然日。须经高级管理人员批准，并告知投诉人。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Approved by *</source>
        <translation>批准人(&amp;A) *</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leadership</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The regulator</source>
        <translation>监管部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalate &amp;to</source>
        <translation>上报至(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record this anonymous complaint as malicious, with the reason.</source>
        <translation>将此匿名投诉认定为恶意投诉，并注明原因。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Reason *</source>
        <translation>原因(&amp;R) *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Enter the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter who approved the extension.</source>
        <translation>请填写延期批准人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a handler.</source>
        <translation>请选择经办人。</translation>
    </message>
</context>
<context>
    <name>casedesk::CaseDetailView</name>
    <message>
        <location filename="../app/ui/CaseDetailView.cpp" line="+206"/>
        <source>This case is not available on this computer, or it is outside what you may see.</source>
        <translation>本机没有此案件，或案件不在您的查看范围内。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Overdue since %1 (%2)</source>
        <translation>自 %1 起超期（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next deadline %1 (%2)</source>
        <translation>下一时限 %1（%2）</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+127"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, because: %2</source>
        <translation>%1，原因：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 by %2</source>
        <translation>%1（受理人：%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch</source>
        <translation>受理机构</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Repeat of</source>
        <translation>原投诉案件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conduct issue</source>
        <translation>员工行为问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded as malicious</source>
        <translation>认定为恶意投诉</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Representative</source>
        <translation>代表人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Handling</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registered</source>
        <translation>审核登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+336"/>
        <source>Dispatched</source>
        <translation>派单</translation>
    </message>
    <message>
        <location line="-335"/>
        <source>First contact</source>
        <translation>首次联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visited</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-opened</source>
        <translation>重新打开</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <location line="+4"/>
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Reply time extended</source>
        <translation>答复时限已延长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Statutory limit extended</source>
        <translation>法定时限已延长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register by</source>
        <translation>登记时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact by</source>
        <translation>首次联系时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply by</source>
        <translation>答复时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forwarding body&apos;s deadline</source>
        <translation>转办机构时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statutory decision by</source>
        <translation>法定处理时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up visit by</source>
        <translation>回访时限</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(not yet sent)</source>
        <translation>（尚未发送）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Add &amp;record</source>
        <translation>添加记录(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case &amp;actions</source>
        <translation>案件操作(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit details…</source>
        <translation>修改信息(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit details…</source>
        <translation>修改信息…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record follow-up &amp;visit…</source>
        <translation>登记回访(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show full &amp;number</source>
        <translation>显示完整号码(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New corrective action…</source>
        <translation>新建整改措施(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Acknowledgement slip…</source>
        <translation>受理回执…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location line="+189"/>
        <source>The full number needs the server: %1</source>
        <translation>查看完整号码需要连接服务器：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complainant — %1</source>
        <translation>投诉人 — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name: %1
Phone: %2
ID number: %3

This view was recorded in the audit trail.</source>
        <translation>姓名：%1
电话：%2
证件号码：%3

本次查看已记入审计记录。</translation>
    </message>
</context>
<context>
    <name>casedesk::CaseEditDialog</name>
    <message>
        <location filename="../app/ui/CaseEditDialog.cpp" line="+36"/>
        <source>Edit details — %1</source>
        <translation>修改信息 — %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>— not confirmed yet —</source>
        <translation>— 尚未确认 —</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not a group complaint</source>
        <translation>非群体投诉</translation>
    </message>
</context>
<context>
    <name>casedesk::CaseQueueView</name>
    <message>
        <location filename="../app/ui/CaseQueueView.cpp" line="+180"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 shown, more below</source>
        <translation>已显示 %1 件，下方还有</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <location line="+4"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 件，共 %2 件</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case number, name, summary, reference…</source>
        <translation>案件编号、姓名、摘要、参考号…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ca&amp;tegory:</source>
        <translation>类别(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>casedesk::CaseTableModel</name>
    <message>
        <location filename="../app/ui/CaseTableModel.cpp" line="+195"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Because: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due soon: %1% of the time limit used</source>
        <translation>即将到期：时限已用去 %1%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes not yet sent to the server</source>
        <translation>有修改尚未发送到服务器</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Summary</source>
        <translation>投诉摘要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next deadline</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handler / unit</source>
        <translation>经办人 / 部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Branch</source>
        <translation>机构</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
</context>
<context>
    <name>casedesk::ClientApplication</name>
    <message>
        <location filename="../app/session/ClientApplication.cpp" line="+53"/>
        <source>CaseDesk: complaint case management for bank branches and back offices.</source>
        <translation>CaseDesk：面向银行网点和后台的投诉案件管理系统。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server address, e.g. https://casedesk.example.cn:8640.</source>
        <translation>服务器地址，如 https://casedesk.example.cn:8640。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>url</source>
        <translation>网址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login to sign in with.</source>
        <translation>登录时使用的登录名。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in at once with the password in this file (for scripts).</source>
        <translation>直接使用此文件中的密码登录（供脚本使用）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <location line="+5"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Keep the local stores in this folder instead of the user&apos;s data folder.</source>
        <translation>将本地数据保存在此文件夹，而不是用户数据文件夹。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read and write the preferences in this INI file.</source>
        <translation>在此 INI 文件中读写偏好设置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not use the system keychain.</source>
        <translation>不使用系统密钥链。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also trust this PEM certificate (a head office with its own certificate).</source>
        <translation>同时信任此 PEM 证书（适用于使用自有证书的总行）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>CaseDesk</source>
        <translation>CaseDesk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read the password file %1: %2</source>
        <translation>无法读取密码文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>casedesk::ConnectionState</name>
    <message>
        <location filename="../server/ConnectionState.cpp" line="+87"/>
        <source>The request body is larger than the limit of %1 bytes.</source>
        <translation>请求正文超过 %1 字节的上限。</translation>
    </message>
</context>
<context>
    <name>casedesk::CorrectiveActionDialog</name>
    <message>
        <location filename="../app/ui/CorrectiveActionDialog.cpp" line="+18"/>
        <source>Open</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New corrective action</source>
        <translation>新建整改措施</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;What is to change *</source>
        <translation>整改内容(&amp;W) *</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Details</source>
        <translation>详细说明(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Owner</source>
        <translation>责任人(&amp;O)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>D&amp;ue on</source>
        <translation>完成期限(&amp;U)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Say what is to change.</source>
        <translation>请填写整改内容。</translation>
    </message>
</context>
<context>
    <name>casedesk::CredentialStore</name>
    <message>
        <location filename="../app/session/CredentialStore.cpp" line="+26"/>
        <source>No keychain service is available on this computer, so your password cannot be saved: you will be asked for it each time.</source>
        <translation>本机没有可用的密钥链服务，无法保存密码：每次都需要输入密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No keychain service is available on this computer (%1), so your password cannot be saved: you will be asked for it each time.</source>
        <translation>本机没有可用的密钥链服务（%1），无法保存密码：每次都需要输入密码。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saving passwords is turned off for this session.</source>
        <translation>本次会话已关闭密码保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This build of CaseDesk cannot use the system keychain.</source>
        <translation>此版本的 CaseDesk 无法使用系统密钥链。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The password could not be saved in the keychain: %1</source>
        <translation>无法将密码保存到密钥链：%1</translation>
    </message>
</context>
<context>
    <name>casedesk::DocumentDialog</name>
    <message>
        <location filename="../app/ui/DocumentDialog.cpp" line="+38"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Print %1</source>
        <translation>打印 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>casedesk::IntakeDialog</name>
    <message>
        <location filename="../app/ui/IntakeDialog.cpp" line="+64"/>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the complaint and issue its number (Ctrl+S)</source>
        <translation>保存投诉并生成案件编号（Ctrl+S）</translation>
    </message>
</context>
<context>
    <name>casedesk::IntakeForm</name>
    <message>
        <location filename="../app/ui/IntakeForm.cpp" line="+448"/>
        <source>Nothing matches “%1”; type part of the Chinese or English name.</source>
        <translation>没有与“%1”匹配的项；请输入中文或英文名称的一部分。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n entries match; choose one with the arrow keys and Enter.</source>
        <translation>
            <numerusform>有 %n 项匹配；请用方向键选择，按回车确认。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Case number on saving: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;Issued on this computer; valid offline.&lt;/small&gt;</source>
        <translation>保存后的案件编号：&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;&lt;small&gt;由本机生成，离线亦有效。&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Priority: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>优先级：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority: &lt;b&gt;%1&lt;/b&gt;, because: %2</source>
        <translation>优先级：&lt;b&gt;%1&lt;/b&gt;，原因：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled by: %1</source>
        <translation>承办部门：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pick a category to see the handling unit and the time limits.</source>
        <translation>选择投诉类别后可查看承办部门和时限。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Register by</source>
        <translation>登记时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact</source>
        <translation>首次联系</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>within %n working day(s) of dispatch</source>
        <translation>
            <numerusform>派单后 %n 个工作日内</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reply by (complex, %n working day(s))</source>
        <translation>
            <numerusform>答复时限（复杂，%n 个工作日）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Reply by (general, %n working day(s))</source>
        <translation>
            <numerusform>答复时限（一般，%n 个工作日）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forwarding body&apos;s deadline</source>
        <translation>转办机构时限</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Statutory decision by (%n day(s))</source>
        <translation>
            <numerusform>法定处理时限（%n 日）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Possible repeat of &lt;a href=&apos;case:%1&apos;&gt;%2&lt;/a&gt;, received %3 (%4).</source>
        <translation>可能与 &lt;a href=&apos;case:%1&apos;&gt;%2&lt;/a&gt; 重复，该案件受理于 %3（%4）。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n more earlier case(s) from the same contact.</source>
        <translation>
            <numerusform>同一联系人此前还有 %n 件案件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If it is a repeat, the priority rises to %1.</source>
        <translation>如属重复投诉，优先级将升为“%1”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save anyway: the server checks again and links the cases when this one is synced.</source>
        <translation>仍可保存：本案件同步时，服务器会再次检查并关联案件。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The complaint was not saved: %1</source>
        <translation>投诉未保存：%1</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Anon&amp;ymous</source>
        <translation>匿名(&amp;Y)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type part of the name, e.g. 工作 or “work”</source>
        <translation>输入名称的一部分，如“工作”或 work</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of the name, e.g. 支付 or “payment”</source>
        <translation>输入名称的一部分，如“支付”或 payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile or landline, e.g. 138 1234 5678</source>
        <translation>手机或固话，如 138 1234 5678</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 25.00</source>
        <translation>如 25.00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a group complaint</source>
        <translation>非群体投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funds safety or trading risk involved</source>
        <translation>涉及资金安全或交易风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complainant threatens to go to the media or the regulator</source>
        <translation>投诉人扬言向媒体或监管部门反映</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More details (optional)</source>
        <translation>更多信息（选填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On saving</source>
        <translation>保存后</translation>
    </message>
</context>
<context>
    <name>casedesk::LoginDialog</name>
    <message>
        <location filename="../app/ui/LoginDialog.cpp" line="+120"/>
        <source>Sign in again — CaseDesk</source>
        <translation>重新登录 — CaseDesk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in — CaseDesk</source>
        <translation>登录 — CaseDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remember my password on this computer</source>
        <translation>在本机记住密码(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trust a certificate…</source>
        <translation>信任证书(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+73"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Head office&apos;s certificate</source>
        <translation>总行证书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>证书 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This certificate will be trusted for the server from now on. Sign in again.</source>
        <translation>今后将信任此服务器证书。请重新登录。</translation>
    </message>
</context>
<context>
    <name>casedesk::MainWindow</name>
    <message>
        <location filename="../app/ui/MainWindow.cpp" line="+264"/>
        <source>About CaseDesk</source>
        <translation>关于 CaseDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;CaseDesk&lt;/b&gt; %1&lt;br&gt;Complaint case management for banks, credit unions and securities firms.</source>
        <translation>&lt;b&gt;CaseDesk&lt;/b&gt; %1&lt;br&gt;面向银行、信用社和证券公司的投诉案件管理系统。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1  (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+114"/>
        <source>Monthly report</source>
        <translation>月度报告</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Saved %1 on this computer.</source>
        <translation>%1 已保存在本机。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>CaseDesk — %1</source>
        <translation>CaseDesk — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queues</source>
        <translation>工作队列(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New complaint…</source>
        <translation>新建投诉(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print acknowledgement slip…</source>
        <translation>打印受理回执(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Monthly report…</source>
        <translation>月度报告(&amp;M)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About CaseDesk</source>
        <translation>关于 CaseDesk(&amp;A)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 · %2 · %3 · device %4</source>
        <translation>%1 · %2 · %3 · 设备 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This account administers users and branches; it does not see complaint cases.</source>
        <translation>此账户用于管理用户和机构，不能查看投诉案件。</translation>
    </message>
</context>
<context>
    <name>casedesk::PreferencesDialog</name>
    <message>
        <location filename="../app/ui/PreferencesDialog.cpp" line="+27"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language / 语言</source>
        <translation>语言 / Language(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Synchronise every</source>
        <translation>同步间隔(&amp;S)</translation>
    </message>
</context>
<context>
    <name>casedesk::RecordDialog</name>
    <message>
        <location filename="../app/ui/RecordDialog.cpp" line="+56"/>
        <source>e.g. 25.00</source>
        <translation>如 25.00</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>casedesk::RefusedOpsDialog</name>
    <message>
        <location filename="../app/ui/RefusedOpsDialog.cpp" line="+58"/>
        <location line="+6"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Changes the server refused</source>
        <translation>服务器拒绝的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server could not take these changes as you made them, usually because someone else changed the same case first. Your screens already show the server&apos;s version. For each change, keep the server&apos;s version or apply yours again on top of it.</source>
        <translation>服务器未能按原样接受这些修改，通常是因为他人先修改了同一案件。界面上显示的已是服务器上的版本。对每项修改，您可以保留服务器的版本，或在其基础上重新应用您的修改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Made</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server&apos;s reason</source>
        <translation>服务器给出的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep the server&apos;s version</source>
        <translation>保留服务器版本(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Re-apply my change</source>
        <translation>重新应用我的修改(&amp;R)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The server says: %1</source>
        <translation>服务器提示：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your value</source>
        <translation>您的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server&apos;s value</source>
        <translation>服务器上的值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (changed by someone else)</source>
        <translation>%1（已被他人修改）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>You moved the case to: %1</source>
        <translation>您将案件改为：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On the server it is now: %1</source>
        <translation>服务器上当前为：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new complaint the server refused cannot be sent again as it is: enter it again with the problem corrected, then dismiss this entry.</source>
        <translation>被服务器拒绝的新投诉不能原样重新发送：请更正问题后重新登记，然后关闭此条目。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nothing needs your attention.</source>
        <translation>没有需要您处理的事项。</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+15"/>
        <source>This change cannot be applied again.</source>
        <translation>此修改无法再次应用。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your change cannot be applied to the current case: %1</source>
        <translation>您的修改无法应用到当前案件：%1</translation>
    </message>
</context>
<context>
    <name>casedesk::ReportDashboard</name>
    <message>
        <location filename="../app/ui/ReportDashboard.cpp" line="+291"/>
        <source>“%1” counts events, not cases, so there is no list behind it.</source>
        <translation>“%1”统计的是事件而非案件，因此没有对应的案件清单。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cases behind “%1” (%2)</source>
        <translation>“%1”对应的案件（%2）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cases received in %1: %2</source>
        <translation>%1 受理的案件：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no report to save.</source>
        <translation>没有可保存的报告。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Branch:</source>
        <translation>机构(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preview and print…</source>
        <translation>预览并打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export C&amp;SV…</source>
        <translation>导出 CSV(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key figures (double-click for the cases)</source>
        <translation>主要指标（双击查看对应案件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a figure or a warning to list its cases.</source>
        <translation>选择一项指标或预警，查看其对应的案件。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>month not yet ended: figures as of now</source>
        <translation>本月尚未结束：数据截至当前</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n early warning(s)</source>
        <translation>
            <numerusform>%n 项预警</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>casedesk::ServerApi</name>
    <message>
        <location filename="../app/session/ServerApi.cpp" line="+29"/>
        <source>The server sent an answer the client does not understand (%1).</source>
        <translation>服务器返回了客户端无法识别的应答（%1）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No PEM certificate could be read from %1.</source>
        <translation>无法从 %1 读取 PEM 证书。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The server at %1 refused the connection: it is not running or not reachable from here.</source>
        <translation>服务器 %1 拒绝连接：服务器未运行，或从本机无法访问。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server name %1 cannot be found. Check the server address and the network.</source>
        <translation>找不到服务器 %1。请检查服务器地址和网络。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server at %1 did not answer in time.</source>
        <translation>服务器 %1 未及时应答。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The secure connection to %1 could not be established: %2. If head office uses a certificate of its own, trust that certificate file (“Trust a certificate…”).</source>
        <translation>无法与 %1 建立安全连接：%2。如总行使用自有证书，请信任该证书文件（“信任证书…”）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection to the server at %1 failed: %2</source>
        <translation>与服务器 %1 的连接失败：%2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The server answered with HTTP status %1.</source>
        <translation>服务器返回 HTTP 状态码 %1。</translation>
    </message>
</context>
<context>
    <name>casedesk::SessionManager</name>
    <message>
        <location filename="../app/session/SessionManager.cpp" line="+90"/>
        <source>Signing in is already under way.</source>
        <translation>正在登录中。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign out first.</source>
        <translation>请先退出登录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the server address as https://host:port (or http:// on a trusted network).</source>
        <translation>请按 https://主机:端口 的格式输入服务器地址（在可信网络中也可用 http://）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter your login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The server did not assign a device code to this computer, so it could not issue case numbers offline. Ask an administrator.</source>
        <translation>服务器未给本机分配设备代码，本机无法离线生成案件编号。请联系管理员。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1

This user has not signed in on this computer before, so CaseDesk cannot start without the server. Sign in once while head office is reachable.</source>
        <translation>%1

该用户此前未在本机登录过，因此 CaseDesk 无法在没有服务器的情况下启动。请在能连接总行时先登录一次。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The password does not match the one last used on this computer. (The server cannot be reached to check it: %1)</source>
        <translation>密码与本机上次使用的密码不符。（无法连接服务器进行核验：%1）</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Your session at %1 has ended. Enter your password to continue syncing.</source>
        <translation>您在 %1 的会话已结束。请输入密码以继续同步。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The saved password was not accepted: %1</source>
        <translation>已保存的密码未被接受：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
</context>
<context>
    <name>casedesk::SyncEngine</name>
    <message>
        <location filename="../app/sync/SyncEngine.cpp" line="+363"/>
        <source>The server did not take “%1” this time; it will be sent again.</source>
        <translation>服务器本次未接收“%1”，稍后将重新发送。</translation>
    </message>
</context>
<context>
    <name>casedesk::SyncStatusIndicator</name>
    <message>
        <location filename="../app/ui/SyncStatusIndicator.cpp" line="+93"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign-in needed</source>
        <translation>需要登录</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n 项修改待发送</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Last synchronised: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not synchronised yet in this session.</source>
        <translation>本次会话尚未同步。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next attempt: %1</source>
        <translation>下次尝试：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error: %1</source>
        <translation>最近的错误：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click to sign in again.</source>
        <translation>点击重新登录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click to synchronise now.</source>
        <translation>点击立即同步。</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n change(s) refused</source>
        <translation>
            <numerusform>%n 项修改被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused changes you made. Click to see why and decide what to do.</source>
        <translation>服务器拒绝了您的修改。点击查看原因并决定如何处理。</translation>
    </message>
</context>
<context>
    <name>casedesk::TransitionDialog</name>
    <message>
        <location filename="../app/ui/TransitionDialog.cpp" line="+45"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>— choose the cause —</source>
        <translation>— 选择投诉原因 —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cause of the complaint *</source>
        <translation>投诉原因 *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply given to the complainant *</source>
        <translation>对投诉人的答复 *</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Summarise what the complainant was told. The follow-up visit is due within %n working day(s) after this.</source>
        <translation>
            <numerusform>请概述告知投诉人的内容。此后须在 %n 个工作日内完成回访。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why the complainant withdraws *</source>
        <translation>投诉人撤诉原因 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the complainant whether anyone asked them to withdraw. A withdrawal that was not voluntary does not close the case: it is re-opened as a conduct issue.</source>
        <translation>请询问投诉人是否有人要求其撤诉。非自愿撤诉不能结案：案件将作为员工行为问题重新打开。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why the case is re-opened *</source>
        <translation>重新打开案件的原因 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The case returns to “in progress” with its history intact.</source>
        <translation>案件将回到“处理中”，原有记录全部保留。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Yes, of their own free will</source>
        <translation>是，出于本人意愿(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;No, they were pressured or offered something</source>
        <translation>否，受到施压或被许以好处(&amp;N)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Voluntary? *</source>
        <translation>是否自愿？ *</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose the cause of the complaint.</source>
        <translation>请选择投诉原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer whether the withdrawal is voluntary.</source>
        <translation>请回答撤诉是否出于自愿。</translation>
    </message>
</context>
<context>
    <name>casedesk::VisitDialog</name>
    <message>
        <location filename="../app/ui/VisitDialog.cpp" line="+57"/>
        <source>Follow-up visit — %1</source>
        <translation>回访 — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attempt %1 of %2. Case resolved %3; the visit is due by %4.</source>
        <translation>第 %1 次回访（共 %2 次）。案件于 %3 答复；须在 %4 前完成回访。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Method</source>
        <translation>回访方式(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visited &amp;by</source>
        <translation>回访人(&amp;B)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;When</source>
        <translation>回访时间(&amp;W)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reached</source>
        <translation>已联系上(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Not reached</source>
        <translation>未联系上(&amp;N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problem solved</source>
        <translation>问题是否解决</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>C&amp;omments and suggestions</source>
        <translation>意见和建议(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Follow-up needed</source>
        <translation>需要跟进(&amp;F)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Save visit</source>
        <translation>保存回访(&amp;S)</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+40"/>
        <source>Record whether the customer was reached.</source>
        <translation>请记录是否联系上客户。</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+38"/>
        <source>Record whether the problem is solved and how satisfied the customer is.</source>
        <translation>请记录问题是否解决及客户满意程度。</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Saving closes the follow-up: the case moves to “visited”.</source>
        <translation>保存后回访结束：案件转为“已回访”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving re-opens the case: it returns to “in progress” with its history intact.</source>
        <translation>保存后案件将重新打开：回到“处理中”，原有记录全部保留。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving records this attempt; try again later.</source>
        <translation>保存后记录本次尝试；请稍后再次回访。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This was the last attempt: saving closes the follow-up as unreachable.</source>
        <translation>这是最后一次尝试：保存后回访将以“无法联系”结束。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Enter who made the visit.</source>
        <translation>请填写回访人。</translation>
    </message>
</context>
</TS>
