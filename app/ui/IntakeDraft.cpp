#include "ui/IntakeDraft.h"

#include "casework/CaseEvaluator.h"
#include "casework/CaseFields.h"
#include "casework/CaseNumber.h"
#include "casework/IntakeValidator.h"
#include "security/PiiMasker.h"
#include "session/Workspace.h"
#include "ui/CaseLabels.h"

#include <QJsonArray>

namespace casedesk {

namespace {
// The repeat lookup reads local cases a page at a time and stops after this many, so a supervisor's
// workstation with a large cache stays responsive; the server's own check covers the rest.
constexpr int repeatPageSize = 500;
constexpr int repeatMaxPages = 20;

bool isBlank(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().trimmed().isEmpty())
        || (value.isArray() && value.toArray().isEmpty());
}
} // namespace

QStringList IntakeDraft::Evaluation::problemFields(const QStringList &fieldOrder) const
{
    QStringList fields;
    for (const QString &path : fieldOrder) {
        if (invalid.contains(path) || missing.contains(path))
            fields.append(path);
    }
    for (const QString &path : invalid.keys() + missing.keys()) {
        if (!fields.contains(path))
            fields.append(path);
    }
    return fields;
}

IntakeDraft::IntakeDraft(Workspace &workspace)
    : m_workspace(workspace)
{ }

QString IntakeDraft::friendly(const Error &error, const QString &path) const
{
    // Core messages name fields by their JSON path; at the counter they read better by label.
    const CaseLabels labels(m_workspace.rules());
    QString message = error.message;
    message.replace(QStringLiteral("“%1”").arg(path), QStringLiteral("“%1”").arg(labels.intakeField(path)));
    return message;
}

IntakeDraft::Evaluation IntakeDraft::evaluate(const QJsonObject &input) const
{
    Evaluation e;
    const CaseRules &rules = m_workspace.rules();
    const CaseLabels labels(rules);
    const QDateTime now = m_workspace.clock().now();
    Case c;
    c.branchId = m_workspace.user().branchId;
    c.receivedAt = now;
    c.receivedBy = m_workspace.user().id;

    auto fields = CaseFields::flattenInput(input, true);
    if (!fields) {
        const QString path = fields.error().details.value(QStringLiteral("field")).toString();
        e.invalid.insert(path, friendly(fields.error(), path));
        return e;
    }
    for (auto it = fields->cbegin(); it != fields->cend(); ++it) {
        if (isBlank(it.value()))
            continue; // judged below as missing when it is required
        if (auto ok = CaseFields::set(c, it.key(), it.value(), rules, now.date()); !ok) {
            const QString path = ok.error().details.value(QStringLiteral("field")).toString(it.key());
            e.invalid.insert(path, friendly(ok.error(), path));
        }
    }

    const IntakeFieldRules &intake = rules.pack().intakeFields();
    for (const QString &path : intake.allRequiredFields(c.channel, c.complainant.anonymous)) {
        if (!e.invalid.contains(path) && isBlank(CaseFields::get(c, path)))
            e.missing.insert(path, tr("%1 is required.").arg(labels.intakeField(path)));
    }
    for (const QString &path : intake.recommendedFields(c.channel)) {
        if (isBlank(CaseFields::get(c, path)))
            e.warnings.append(tr("%1 is recommended for this channel.").arg(labels.intakeField(path)));
    }
    if (e.missing.isEmpty()) {
        // What is left of the intake checks: anonymity, the time received, the forwarding deadline.
        auto checked = IntakeValidator::check(c, rules, now, labels.language());
        if (!checked) {
            const QString path = checked.error().details.value(QStringLiteral("field")).toString();
            if (!e.invalid.contains(path))
                e.invalid.insert(path, friendly(checked.error(), path));
        }
    }

    auto branch = m_workspace.store().findBranch(c.branchId);
    if (!branch || !branch->has_value())
        return e;
    const Branch &b = **branch;
    const QDate day = rules.deadlines().localDate(c.receivedAt, b);
    const QString prefix = CaseNumber::prefix(b.code, day, m_workspace.deviceCode());
    if (auto last = m_workspace.store().lastNumberSequence(prefix))
        e.number = CaseNumber::format(b.code, day, m_workspace.deviceCode(), last.value() + 1);

    e.repeats = findPossibleRepeats(c);
    // Priority rules read the channel and the facts too (a regulator-forwarded complaint is urgent
    // whatever its category), so the preview starts before the category is known.
    e.categoryKnown = !c.category.isEmpty() && !e.invalid.contains(QStringLiteral("category"));
    if (!e.categoryKnown)
        c.category.clear();
    // The local save links no repeat (it has no keyed hashes), so the preview shows what the save
    // gives; a confirmed repeat's priority is offered beside the warning.
    Case preview = c;
    const auto outcome = CaseEvaluator(rules).evaluate(preview, b, {}, true);
    e.routing = outcome.routing;
    e.warnings += outcome.warnings;
    bool repeatSameCategory = false;
    for (const PossibleRepeat &r : e.repeats)
        repeatSameCategory = repeatSameCategory || r.sameCategory;
    if (repeatSameCategory && e.categoryKnown) {
        Case asRepeat = c;
        CaseEvaluator(rules).evaluate(asRepeat, b, CaseEvaluator::Repeat {true, false}, false);
        if (rank(asRepeat.priority) > rank(preview.priority))
            e.priorityIfRepeat = asRepeat.priority;
    }
    e.preview = preview;
    return e;
}

QList<IntakeDraft::PossibleRepeat> IntakeDraft::findPossibleRepeats(const Case &draft) const
{
    QList<PossibleRepeat> found;
    const QString phone = draft.complainant.phone;
    const QString idNumber = draft.complainant.idNumber;
    if (draft.complainant.anonymous || (phone.isEmpty() && idNumber.isEmpty()))
        return found;
    const QDate since = draft.receivedAt.addDays(-m_workspace.rules().limits().repeatWindowDays()).date();
    const QString key = QStringList {phone, idNumber, since.toString(Qt::ISODate)}.join(QLatin1Char('|'));
    if (key == m_repeatKey) {
        found = m_repeatCache;
        for (PossibleRepeat &r : found)
            r.sameCategory = r.category == draft.category;
        std::stable_sort(found.begin(), found.end(),
            [](const PossibleRepeat &a, const PossibleRepeat &b) { return a.sameCategory && !b.sameCategory; });
        return found;
    }
    const QString maskedPhone = PiiMasker::maskPhone(phone);
    const QString maskedId = PiiMasker::maskIdNumber(idNumber);
    CaseQuery q;
    q.receivedFrom = since;
    q.limit = repeatPageSize;
    for (int page = 0; page < repeatMaxPages; ++page) {
        auto listed = m_workspace.store().listCases(q);
        if (!listed)
            break;
        for (const Case &c : listed->cases) {
            if (c.complainant.anonymous || c.id == draft.id)
                continue;
            const bool exact = (!phone.isEmpty() && c.complainant.phone == phone)
                || (!idNumber.isEmpty() && c.complainant.idNumber == idNumber);
            const bool masked = (!phone.isEmpty() && c.complainant.phone == maskedPhone)
                || (!idNumber.isEmpty() && c.complainant.idNumber == maskedId);
            if (exact || masked)
                found.append({c.id, c.number, c.category, c.receivedAt, c.category == draft.category, exact});
        }
        if (listed->nextCursor.isEmpty())
            break;
        q.cursor = listed->nextCursor;
    }
    m_repeatKey = key;
    m_repeatCache = found;
    // The same matter first (RepeatDetector's rule), then the newest.
    std::stable_sort(found.begin(), found.end(),
        [](const PossibleRepeat &a, const PossibleRepeat &b) { return a.sameCategory && !b.sameCategory; });
    return found;
}

} // namespace casedesk
