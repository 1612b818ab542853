#include "report/SupervisionReplyDocument.h"

#include "report/CaseDocumentText.h"
#include "security/PiiMasker.h"

#include <QTimeZone>

namespace casedesk {

namespace {

const CaseRecord *latest(const QList<CaseRecord> &records, const QString &kind)
{
    const CaseRecord *found = nullptr;
    for (const CaseRecord &record : records) {
        if (record.kind == kind && (!found || record.createdAt >= found->createdAt))
            found = &record;
    }
    return found;
}

PrintTable keyValues(const QList<std::pair<QString, QString>> &pairs)
{
    PrintTable table;
    table.showHeader = false;
    table.labelColumn = true;
    table.columns = {{QString(), 1, Qt::AlignLeft}, {QString(), 3.2, Qt::AlignLeft}};
    for (const auto &[label, value] : pairs)
        table.rows.append({{label, value}, PrintTable::RowStyle::Normal, 0});
    return table;
}

} // namespace

SupervisionReplyDocument::SupervisionReplyDocument(
    Case c, QList<CaseRecord> records, Branch branch, std::shared_ptr<const CaseRules> rules, QString language)
    : m_case(std::move(c))
    , m_records(std::move(records))
    , m_branch(std::move(branch))
    , m_rules(std::move(rules))
    , m_language(language.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh_CN"))
{ }

QString SupervisionReplyDocument::text(const char16_t *zh, const char16_t *en) const
{
    return QString::fromUtf16(m_language == QLatin1String("en") ? en : zh);
}

Result<PrintDocument> SupervisionReplyDocument::printDocument(const QDateTime &printedAt) const
{
    const CaseRecord *reply = latest(m_records, QStringLiteral("supervision_reply"));
    if (!reply) {
        return Error {QStringLiteral("no_supervision_reply"),
            tr("Case %1 has no supervision reply to print yet.").arg(m_case.number), {}};
    }
    const Taxonomy &taxonomy = m_rules->taxonomy();
    const CaseDocumentText words(m_language, QTimeZone(m_branch.timeZone.toUtf8()), taxonomy);
    const QString title = text(u"投诉转办（督办）事项处理情况回复单", u"Reply to a forwarded complaint");

    PrintDocument doc;
    doc.setTitle(title + QLatin1Char(' ') + m_case.number);
    doc.setRunning({m_organisation.isEmpty() ? m_branch.name : m_organisation, m_case.number,
        text(u"打印时间 ", u"Printed ") + words.time(printedAt), text(u"第 %1 页 / 共 %2 页", u"Page %1 of %2")});
    if (!m_organisation.isEmpty())
        doc.addText(m_organisation, PrintDocument::TextStyle::Centered);
    doc.addText(title, PrintDocument::TextStyle::Title);

    const Category *category = taxonomy.category(m_case.category);
    const AxisNode *business = taxonomy.axisNode(QStringLiteral("business"), m_case.businessCategory);
    const QString complainant = m_case.complainant.anonymous
        ? text(u"匿名", u"Anonymous")
        : QStringLiteral("%1  %2").arg(m_case.complainant.name, PiiMasker::maskPhone(m_case.complainant.phone));
    doc.addHeading(text(u"一、转办事项", u"1. The forwarded complaint"), 2);
    doc.addTable(keyValues({
        {text(u"转办单位", u"Forwarded by"), m_case.forwarding.body},
        {text(u"转办编号", u"Their reference"), m_case.forwarding.reference},
        {text(u"要求回复日期", u"Reply due"), words.date(m_case.forwarding.dueDate)},
        {text(u"投诉编号", u"Case number"), m_case.number},
        {text(u"受理机构", u"Received at"), QStringLiteral("%1（%2）").arg(m_branch.name, m_branch.code)},
        {text(u"受理时间", u"Received"), words.time(m_case.receivedAt)},
        {text(u"投诉人", u"Complainant"), complainant},
        {text(u"投诉类别", u"Category"), category ? category->name.text(m_language) : m_case.category},
        {text(u"业务类别", u"Business category"), business ? business->name.text(m_language) : m_case.businessCategory},
        {text(u"投诉事项", u"Complaint"), m_case.summary},
        {text(u"客户诉求", u"Demand"), m_case.demand},
    }));

    doc.addHeading(text(u"二、处理情况", u"2. How it was handled"), 2);
    QList<std::pair<QString, QString>> handled;
    if (const RecordKind *kind = m_rules->pack().recordSchema().kind(QStringLiteral("supervision_reply"))) {
        for (const RecordField &field : kind->fields)
            handled.append({words.label(field), words.value(field, reply->data.value(field.name))});
    }
    if (const CaseRecord *answer = latest(m_records, QStringLiteral("reply"))) {
        if (const RecordKind *kind = m_rules->pack().recordSchema().kind(QStringLiteral("reply"))) {
            if (const RecordField *solution = kind->field(QStringLiteral("solution")))
                handled.prepend({words.label(*solution), words.value(*solution, answer->data.value(solution->name))});
        }
    }
    handled.append({text(u"办结时间", u"Resolved"), words.time(m_case.resolvedAt)});
    doc.addTable(keyValues(handled));

    doc.addSignatures(
        {text(u"经办人", u"Handler"), text(u"部门负责人", u"Head of unit"), text(u"分管领导", u"Executive")},
        text(u"签字：", u"Signature:"), text(u"日期：", u"Date:"));
    doc.addText(text(u"（单位盖章）", u"(Seal)"), PrintDocument::TextStyle::Centered);
    return doc;
}

Result<RenderedFile> SupervisionReplyDocument::toPdf(const QDateTime &printedAt) const
{
    auto doc = printDocument(printedAt);
    if (!doc)
        return doc.error();
    auto pdf = doc->toPdf();
    if (!pdf)
        return pdf.error();
    return RenderedFile {
        *pdf, QStringLiteral("application/pdf"), QStringLiteral("supervision-reply-%1.pdf").arg(m_case.number)};
}

} // namespace casedesk
