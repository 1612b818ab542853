#include "report/AcknowledgementSlipDocument.h"

#include "report/CaseDocumentText.h"
#include "security/PiiMasker.h"

#include <QTimeZone>

namespace casedesk {

AcknowledgementSlipDocument::AcknowledgementSlipDocument(
    Case c, Branch branch, std::shared_ptr<const CaseRules> rules, QString language)
    : m_case(std::move(c))
    , m_branch(std::move(branch))
    , m_rules(std::move(rules))
    , m_language(language.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh_CN"))
{ }

QString AcknowledgementSlipDocument::text(const char16_t *zh, const char16_t *en) const
{
    return QString::fromUtf16(m_language == QLatin1String("en") ? en : zh);
}

PrintDocument AcknowledgementSlipDocument::printDocument(const QDateTime &printedAt) const
{
    const Taxonomy &taxonomy = m_rules->taxonomy();
    const CaseDocumentText words(m_language, QTimeZone(m_branch.timeZone.toUtf8()), taxonomy);
    const QString title = text(u"客户投诉受理回执", u"Complaint acknowledgement");
    const QString letterhead
        = m_organisation.isEmpty() ? m_branch.name : m_organisation + QStringLiteral(" · ") + m_branch.name;

    PrintDocument doc;
    doc.setTitle(title + QLatin1Char(' ') + m_case.number);
    doc.setRunning({letterhead, m_case.number, text(u"打印时间 ", u"Printed ") + words.time(printedAt),
        text(u"第 %1 页 / 共 %2 页", u"Page %1 of %2")});
    doc.addText(letterhead, PrintDocument::TextStyle::Centered);
    doc.addText(title, PrintDocument::TextStyle::Title);
    doc.addText(
        text(u"尊敬的客户：感谢您对我们工作的关注与监督。您的投诉已经受理，请妥善保管本回执，凭受理编号查询办理进度。",
            u"Dear customer, thank you for telling us. Your complaint has been received; please keep this "
            u"slip and quote the case number when you ask how it is progressing."));

    const Category *category = taxonomy.category(m_case.category);
    const QString complainant = m_case.complainant.anonymous
        ? text(u"匿名", u"Anonymous")
        : QStringLiteral("%1  %2").arg(m_case.complainant.name, PiiMasker::maskPhone(m_case.complainant.phone));
    PrintTable facts;
    facts.showHeader = false;
    facts.labelColumn = true;
    facts.columns = {{QString(), 1, Qt::AlignLeft}, {QString(), 3.2, Qt::AlignLeft}};
    const QList<std::pair<QString, QString>> rows = {
        {text(u"受理编号", u"Case number"), m_case.number},
        {text(u"受理时间", u"Received"), words.time(m_case.receivedAt)},
        {text(u"受理网点", u"Received at"), QStringLiteral("%1（%2）").arg(m_branch.name, m_branch.code)},
        {text(u"受理渠道", u"Channel"), taxonomy.channelName(m_case.channel).text(m_language)},
        {text(u"投诉人", u"Complainant"), complainant},
        {text(u"投诉类别", u"Category"), category ? category->name.text(m_language) : m_case.category},
        {text(u"投诉事项", u"Complaint"), m_case.summary},
        {text(u"客户诉求", u"Demand"), m_case.demand},
    };
    for (const auto &[label, value] : rows)
        facts.rows.append({{label, value}, PrintTable::RowStyle::Normal, 0});
    doc.addTable(facts);

    // BRIEF §5/§9: both clocks; the earlier governs, and the customer is told both.
    const TimeLimits &limits = m_rules->limits();
    const int workingDays = m_case.resolveExtended ? limits.extendedResolveWorkingDays()
                                                   : limits.resolveWorkingDays(m_rules->complexityOf(m_case.category));
    doc.addHeading(text(u"办理时限", u"When you will hear from us"), 2);
    doc.addText(
        text(u"我们将在%1个工作日内、即%2前答复您；依照《银行业保险业消费投诉处理管理办法》，处理决定最迟不晚于%"
             u"3（受理之日起%4日）作出。"
             u"如需延长，我们会告知您理由。",
            u"We will reply within %1 working days, by %2. Under CBIRC Order 2020 No.3 our decision will "
            u"be made by %3 at the latest (%4 days after receipt). If we need longer we will tell you why.")
            .arg(workingDays)
            .arg(words.date(m_case.deadlines.resolveBy), words.date(m_case.deadlines.statutoryBy))
            .arg(limits.statutoryCalendarDays(m_case.statutoryExtensions)));
    if (m_case.deadlines.forwarderBy.isValid()) {
        doc.addText(text(u"转办单位要求的回复日期：%1。", u"The forwarding body expects a reply by %1.")
                        .arg(words.date(m_case.deadlines.forwarderBy)));
    }
    doc.addHeading(text(u"办理流程", u"What happens next"), 2);
    doc.addText(text(u"受理登记 → 调查核实 → 答复处理 → 回访。处理完毕后我们会回访，听取您的意见。",
        u"Registration → investigation → reply → follow-up call. After we reply we will ask you "
        u"whether the matter is solved and how satisfied you are."));
    doc.addSignatures(
        {text(u"受理人", u"Received by") + (m_receiver.isEmpty() ? QString() : text(u"：", u": ") + m_receiver),
            text(u"客户签收", u"Customer")},
        text(u"签字：", u"Signature:"), text(u"日期：", u"Date:"));
    return doc;
}

Result<RenderedFile> AcknowledgementSlipDocument::toPdf(const QDateTime &printedAt) const
{
    auto pdf = printDocument(printedAt).toPdf();
    if (!pdf)
        return pdf.error();
    return RenderedFile {
        *pdf, QStringLiteral("application/pdf"), QStringLiteral("acknowledgement-%1.pdf").arg(m_case.number)};
}

} // namespace casedesk
