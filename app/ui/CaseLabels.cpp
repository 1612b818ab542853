#include "ui/CaseLabels.h"

#include "casework/CaseRules.h"
#include "ui/UiLanguage.h"
#include "workflow/WorkflowNames.h"

#include <QTimeZone>

namespace casedesk {

namespace {
// An admin may add a value the client has no name for: show it readable rather than as a code.
QString readable(const QString &code)
{
    QString text = code;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}
} // namespace

CaseLabels::CaseLabels(const CaseRules &rules, QString language)
    : m_rules(rules)
    , m_language(language.isEmpty() ? UiLanguage::current() : std::move(language))
    , m_locale(m_language == QLatin1String("zh_CN") ? QLocale(QLocale::Chinese, QLocale::China)
                                                    : QLocale(QLocale::English, QLocale::UnitedKingdom))
{ }

QString CaseLabels::status(CaseStatus status) const
{
    return WorkflowNames::status(status);
}

QString CaseLabels::priority(Priority priority)
{
    switch (priority) {
    case Priority::Urgent:
        //: Priority 紧急
        return tr("Urgent");
    case Priority::High:
        //: Priority 较高
        return tr("High");
    case Priority::Normal:
        break;
    }
    //: Priority 一般
    return tr("Normal");
}

QString CaseLabels::channel(Channel channel) const
{
    const QString name = m_rules.taxonomy().channelName(channel).text(m_language);
    return name.isEmpty() ? readable(toCode(channel)) : name;
}

QString CaseLabels::category(const QString &code) const
{
    if (code.isEmpty())
        return {};
    const Category *category = m_rules.taxonomy().category(code);
    return category ? category->name.text(m_language) : readable(code);
}

QString CaseLabels::axis(const QString &axis, const QString &code) const
{
    if (code.isEmpty())
        return {};
    const AxisNode *node = m_rules.taxonomy().axisNode(axis, code);
    return node ? node->name.text(m_language) : readable(code);
}

QString CaseLabels::unit(const QString &code) const
{
    if (code.isEmpty())
        return {};
    const TaxonomyEntry *unit = m_rules.taxonomy().unit(code);
    return unit ? unit->name.text(m_language) : readable(code);
}

QString CaseLabels::dueKind(const QString &kind)
{
    if (kind == QLatin1String("register"))
        return tr("register");
    if (kind == QLatin1String("contact"))
        return tr("first contact");
    if (kind == QLatin1String("resolve"))
        return tr("reply");
    if (kind == QLatin1String("forwarder"))
        return tr("forwarding body's deadline");
    if (kind == QLatin1String("statutory"))
        return tr("statutory limit");
    if (kind == QLatin1String("visit"))
        return tr("follow-up visit");
    return readable(kind);
}

QString CaseLabels::recordKind(const QString &kind) const
{
    const RecordKind *k = m_rules.pack().recordSchema().kind(kind);
    return k ? k->name.text(m_language) : readable(kind);
}

QString CaseLabels::recordField(const QString &kind, const QString &field) const
{
    const RecordKind *k = m_rules.pack().recordSchema().kind(kind);
    const RecordField *f = k ? k->field(field) : nullptr;
    return f ? f->label.text(m_language) : readable(field);
}

QString CaseLabels::recordValue(const QString &code)
{
    static const QList<std::pair<const char *, const char *>> names = {
        {"phone", QT_TR_NOOP("Phone")},
        {"sms", QT_TR_NOOP("SMS")},
        {"email", QT_TR_NOOP("E-mail")},
        {"in_person", QT_TR_NOOP("In person")},
        {"letter", QT_TR_NOOP("Letter")},
        {"online", QT_TR_NOOP("Online")},
        {"transfer", QT_TR_NOOP("Bank transfer")},
        {"cash", QT_TR_NOOP("Cash")},
        {"fee_refund", QT_TR_NOOP("Fee refund")},
        {"voucher", QT_TR_NOOP("Voucher")},
        {"other", QT_TR_NOOP("Other")},
        {"satisfied", QT_TR_NOOP("Satisfied")},
        {"basically_satisfied", QT_TR_NOOP("Basically satisfied")},
        {"dissatisfied", QT_TR_NOOP("Dissatisfied")},
        {"yes", QT_TR_NOOP("Yes")},
        {"partly", QT_TR_NOOP("Partly")},
        {"no", QT_TR_NOOP("No")},
    };
    for (const auto &[value, name] : names) {
        if (code == QLatin1String(value))
            return tr(name);
    }
    return readable(code);
}

QString CaseLabels::auditAction(const QString &action)
{
    static const QList<std::pair<const char *, const char *>> names = {
        {"created", QT_TR_NOOP("Complaint registered")},
        {"transition", QT_TR_NOOP("Status changed")},
        {"updated", QT_TR_NOOP("Details changed")},
        {"assigned", QT_TR_NOOP("Assigned")},
        {"transferred", QT_TR_NOOP("Transferred")},
        {"extended", QT_TR_NOOP("Time limit extended")},
        {"escalated", QT_TR_NOOP("Escalated")},
        {"record_added", QT_TR_NOOP("Record added")},
        {"viewed_personal_data", QT_TR_NOOP("Personal data viewed")},
        {"reopened", QT_TR_NOOP("Re-opened")},
        {"priority_changed", QT_TR_NOOP("Priority changed")},
        {"marked_malicious", QT_TR_NOOP("Recorded as malicious")},
    };
    for (const auto &[value, name] : names) {
        if (action == QLatin1String(value))
            return tr(name);
    }
    return readable(action);
}

QString CaseLabels::intakeField(const QString &path) const
{
    const QString label = m_rules.pack().intakeFields().label(path).text(m_language);
    if (!label.isEmpty())
        return label;
    static const QList<std::pair<const char *, const char *>> names = {
        {"business_category", QT_TR_NOOP("Business category")},
        {"demand", QT_TR_NOOP("Demand")},
        {"amount", QT_TR_NOOP("Amount in dispute (yuan)")},
        {"complainant.id_number", QT_TR_NOOP("ID number")},
        {"complainant.customer_reference", QT_TR_NOOP("Customer or account number")},
        {"complainant.anonymous", QT_TR_NOOP("Anonymous")},
        {"received_at", QT_TR_NOOP("Received at")},
        {"product", QT_TR_NOOP("Product")},
        {"subject_staff", QT_TR_NOOP("Person complained about")},
        {"funds_safety", QT_TR_NOOP("Funds safety involved")},
        {"threatens_escalation", QT_TR_NOOP("Threatens media or regulator")},
        {"legal_dispute", QT_TR_NOOP("Needs legal process")},
        {"group_size", QT_TR_NOOP("Joint complainants")},
        {"cause", QT_TR_NOOP("Cause")},
        {"channel_axis", QT_TR_NOOP("Regulator's channel")},
        {"handling_unit", QT_TR_NOOP("Handling unit")},
        {"assignee_id", QT_TR_NOOP("Handler")},
    };
    for (const auto &[value, name] : names) {
        if (path == QLatin1String(value))
            return tr(name);
    }
    return readable(path);
}

QString CaseLabels::yesNo(bool value)
{
    return value ? tr("Yes") : tr("No");
}

QString CaseLabels::date(const QDate &date) const
{
    if (!date.isValid())
        return {};
    return m_locale.toString(date,
        m_language == QLatin1String("zh_CN") ? QStringLiteral("yyyy-MM-dd ddd") : QStringLiteral("ddd d MMM yyyy"));
}

QString CaseLabels::dateTime(const QDateTime &at) const
{
    if (!at.isValid())
        return {};
    // Times are shown in the counter's zone (the rules' default, Asia/Shanghai), not the PC's.
    const QDateTime local = at.toTimeZone(QTimeZone(m_rules.limits().defaultTimeZone().toUtf8()));
    return m_locale.toString(local,
        m_language == QLatin1String("zh_CN") ? QStringLiteral("yyyy-MM-dd HH:mm") : QStringLiteral("d MMM yyyy HH:mm"));
}

} // namespace casedesk
