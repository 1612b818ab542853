#include "ui/CaseTimeline.h"

#include "session/Workspace.h"
#include "ui/CaseActionDialog.h"
#include "ui/CaseLabels.h"
#include "ui/RecordValueText.h"

#include <QJsonArray>
#include <QSet>

namespace casedesk {

namespace {
// Enough for any one case's queued work; the outbox is read whole and filtered by case.
constexpr int outboxScanLimit = 100000;

QStringList fieldLabels(const QJsonObject &fields, const CaseLabels &labels, const QString &prefix = {})
{
    QStringList names;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject()
            && (it.key() == QLatin1String("complainant") || it.key() == QLatin1String("forwarding")))
            names += fieldLabels(it.value().toObject(), labels, path);
        else
            names.append(labels.intakeField(path));
    }
    return names;
}

QString actionTitle(const QString &action)
{
    static const QList<std::pair<QString, CaseActionDialog::Action>> actions
        = {{QStringLiteral("assign"), CaseActionDialog::Action::Assign},
            {QStringLiteral("transfer"), CaseActionDialog::Action::Transfer},
            {QStringLiteral("extend"), CaseActionDialog::Action::Extend},
            {QStringLiteral("extend_statutory"), CaseActionDialog::Action::ExtendStatutory},
            {QStringLiteral("escalate"), CaseActionDialog::Action::Escalate},
            {QStringLiteral("mark_malicious"), CaseActionDialog::Action::MarkMalicious}};
    for (const auto &[code, value] : actions) {
        if (code == action)
            return CaseActionDialog::title(value);
    }
    return CaseLabels::auditAction(action);
}
} // namespace

CaseTimeline::CaseTimeline(Workspace &workspace)
    : m_workspace(workspace)
{ }

QString CaseTimeline::describe(const SyncOp &op, const CaseLabels &labels)
{
    const QJsonObject &p = op.payload;
    if (op.kind == QLatin1String("case.create"))
        return tr("Complaint registered on this computer");
    if (op.kind == QLatin1String("case.update"))
        return tr("Changed: %1")
            .arg(fieldLabels(p.value(QStringLiteral("fields")).toObject(), labels).join(QStringLiteral(", ")));
    if (op.kind == QLatin1String("case.transition")) {
        const auto to = fromCode<CaseStatus>(p.value(QStringLiteral("to")).toString());
        return tr("Moved to “%1”").arg(to ? labels.status(*to) : p.value(QStringLiteral("to")).toString());
    }
    if (op.kind == QLatin1String("case.action"))
        return actionTitle(p.value(QStringLiteral("action")).toString());
    if (op.kind == QLatin1String("record.append"))
        return tr("Added: %1").arg(labels.recordKind(p.value(QStringLiteral("kind")).toString()));
    if (op.kind == QLatin1String("corrective_action.save"))
        return tr("Corrective action: %1").arg(p.value(QStringLiteral("title")).toString());
    return op.kind;
}

Result<QList<CaseTimeline::Entry>> CaseTimeline::build(const Case &c) const
{
    const CaseLabels labels(m_workspace.rules());
    CaseStore &store = m_workspace.store();
    QHash<QString, QString> names;
    if (auto users = store.users()) {
        for (const User &u : users.value())
            names.insert(u.id, u.name);
    }
    const auto actor = [&names](const QString &id) { return names.value(id, id); };

    QList<Entry> entries;
    auto trail = store.auditTrail(c.id);
    if (!trail)
        return trail.error();
    for (const AuditEvent &e : trail.value()) {
        if (e.action == QLatin1String("record_added"))
            continue; // the record itself is listed
        Entry entry;
        entry.at = e.at;
        entry.actor = actor(e.actorId);
        entry.detail = e.reason;
        if (e.action == QLatin1String("transition") && e.toStatus) {
            entry.title = e.fromStatus ? tr("%1 → %2").arg(labels.status(*e.fromStatus), labels.status(*e.toStatus))
                                       : labels.status(*e.toStatus);
        } else if (e.action == QLatin1String("created")) {
            entry.title
                = tr("Complaint registered as %1").arg(e.details.value(QStringLiteral("number")).toString(c.number));
        } else if (e.action == QLatin1String("updated")) {
            QStringList fields;
            for (const QJsonValue &field : e.details.value(QStringLiteral("fields")).toArray())
                fields.append(labels.intakeField(field.toString()));
            entry.title = tr("Changed: %1").arg(fields.join(QStringLiteral(", ")));
        } else if (e.action == QLatin1String("assigned")) {
            const QString assignee = e.details.value(QStringLiteral("assignee_id")).toString();
            entry.title
                = tr("Assigned to %1")
                      .arg(assignee.isEmpty() ? labels.unit(e.details.value(QStringLiteral("handling_unit")).toString())
                                              : actor(assignee));
        } else if (e.action == QLatin1String("transferred")) {
            entry.title
                = tr("Transferred to %1").arg(labels.unit(e.details.value(QStringLiteral("handling_unit")).toString()));
        } else if (e.action == QLatin1String("priority_changed")) {
            const auto from = fromCode<Priority>(e.details.value(QStringLiteral("from")).toString());
            const auto to = fromCode<Priority>(e.details.value(QStringLiteral("to")).toString());
            entry.title
                = tr("Priority %1 → %2")
                      .arg(from ? CaseLabels::priority(*from) : QString(), to ? CaseLabels::priority(*to) : QString());
        } else if (e.action == QLatin1String("escalated")) {
            entry.title = e.details.value(QStringLiteral("to")).toString() == QLatin1String("regulator")
                ? tr("Escalated to the regulator")
                : tr("Escalated to leadership");
        } else {
            entry.title = CaseLabels::auditAction(e.action);
        }
        entries.append(entry);
    }

    QSet<QString> pendingEntities;
    auto pending = m_workspace.outbox().pending(outboxScanLimit);
    if (!pending)
        return pending.error();
    for (const OutboxEntry &op : pending.value()) {
        if (op.caseId != c.id)
            continue;
        pendingEntities.insert(op.op.entityId);
        if (op.op.kind == QLatin1String("record.append"))
            continue; // the local record stands for it
        Entry entry;
        entry.at = op.createdAt;
        entry.actor = actor(m_workspace.user().id);
        entry.title = describe(op.op, labels);
        entry.detail = op.op.payload.value(QStringLiteral("reason"))
                           .toString(op.op.payload.value(QStringLiteral("params"))
                                         .toObject()
                                         .value(QStringLiteral("reason"))
                                         .toString());
        entry.source = Entry::Source::Pending;
        entries.append(entry);
    }
    if (auto refused = m_workspace.outbox().refused()) {
        for (const OutboxEntry &op : refused.value()) {
            if (op.caseId != c.id)
                continue;
            Entry entry;
            entry.at = op.createdAt;
            entry.actor = actor(m_workspace.user().id);
            entry.title = tr("Refused by the server: %1").arg(describe(op.op, labels));
            entry.detail = op.result.error.message;
            entry.source = Entry::Source::Refused;
            entries.append(entry);
        }
    }

    auto records = store.records(c.id);
    if (!records)
        return records.error();
    for (const CaseRecord &r : records.value()) {
        Entry entry;
        entry.at = r.createdAt;
        entry.actor = actor(r.createdBy);
        entry.title = labels.recordKind(r.kind);
        entry.source = Entry::Source::Record;
        entry.recordId = r.id;
        entry.recordKind = r.kind;
        entry.notYetSent = pendingEntities.contains(r.id);
        QStringList lines;
        if (const RecordKind *kind = m_workspace.rules().pack().recordSchema().kind(r.kind)) {
            for (const RecordField &field : kind->fields) {
                const QString value = RecordValueText::format(field, r.data.value(field.name), labels);
                if (!value.isEmpty())
                    lines.append(QStringLiteral("%1: %2").arg(field.label.text(labels.language()), value));
            }
        }
        entry.detail = lines.join(QLatin1Char('\n'));
        entries.append(entry);
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.at < b.at; });
    return entries;
}

} // namespace casedesk
