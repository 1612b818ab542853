#include "ui/RefusedOpsDialog.h"

#include "casework/CaseFields.h"
#include "session/Workspace.h"
#include "storage/Database.h"
#include "sync/SyncEngine.h"
#include "ui/CaseLabels.h"
#include "ui/UiLanguage.h"
#include "workflow/WorkflowNames.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace casedesk {

namespace {
// The value at a dotted path ("complainant.phone") of a case in its JSON form.
QJsonValue valueAt(const QJsonObject &json, const QString &path)
{
    QJsonValue value = json;
    for (const QString &part : path.split(QLatin1Char('.')))
        value = value.toObject().value(part);
    return value;
}

// {"complainant.phone": v} → {"complainant": {"phone": v}}, the form an update op carries.
QJsonObject nest(const QMap<QString, QJsonValue> &fields)
{
    QJsonObject body;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const qsizetype dot = it.key().indexOf(QLatin1Char('.'));
        if (dot < 0) {
            body.insert(it.key(), it.value());
            continue;
        }
        const QString outer = it.key().left(dot);
        QJsonObject inner = body.value(outer).toObject();
        inner.insert(it.key().mid(dot + 1), it.value());
        body.insert(outer, inner);
    }
    return body;
}

QString shown(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return RefusedOpsDialog::tr("(empty)");
    case QJsonValue::Bool:
        return CaseLabels::yesNo(value.toBool());
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble());
    case QJsonValue::String:
        return value.toString().isEmpty() ? RefusedOpsDialog::tr("(empty)") : value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts.append(shown(item));
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        break;
    }
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}
} // namespace

RefusedOpsDialog::RefusedOpsDialog(Workspace &workspace, SyncEngine *engine, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_engine(engine)
{
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("refusedList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setColumnCount(5);
    m_list->header()->setStretchLastSection(true);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("refusedDetails"));
    m_details->setOpenLinks(false);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("refusedError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_keep = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_keep->setObjectName(QStringLiteral("keepServerButton"));
    m_reapply = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_reapply->setObjectName(QStringLiteral("reapplyButton"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keep, &QPushButton::clicked, this, &RefusedOpsDialog::keepServerVersion);
    connect(m_reapply, &QPushButton::clicked, this, &RefusedOpsDialog::reapplyMine);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &RefusedOpsDialog::showSelected);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(820, 560);

    if (m_engine)
        connect(m_engine, &SyncEngine::refusedChanged, this, &RefusedOpsDialog::reload);
    retranslate();
    reload();
}

RefusedOpsDialog::~RefusedOpsDialog() = default;

void RefusedOpsDialog::retranslate()
{
    setWindowTitle(tr("Changes the server refused"));
    m_intro->setText(tr("The server could not take these changes as you made them, usually because someone else "
                        "changed the same case first. Your screens already show the server's version. For each "
                        "change, keep the server's version or apply yours again on top of it."));
    m_list->setHeaderLabels({tr("Made"), tr("Case"), tr("Change"), tr("Outcome"), tr("Server's reason")});
    m_keep->setText(tr("&Keep the server's version"));
    m_reapply->setText(tr("&Re-apply my change"));
    showSelected();
}

void RefusedOpsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

int RefusedOpsDialog::count() const
{
    return int(m_entries.size());
}

void RefusedOpsDialog::selectEntry(int row)
{
    m_list->setCurrentItem(m_list->topLevelItem(row));
}

QString RefusedOpsDialog::detailsText() const
{
    return m_details->toPlainText();
}

QString RefusedOpsDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void RefusedOpsDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void RefusedOpsDialog::reload()
{
    const QString current = selected() ? selected()->op.opId : QString();
    auto refused = m_workspace.outbox().refused();
    if (!refused) {
        showError(refused.error().message);
        return;
    }
    m_entries = refused.value();
    const QLocale locale = UiLanguage::locale();
    m_list->clear();
    QTreeWidgetItem *reselect = nullptr;
    for (const OutboxEntry &entry : std::as_const(m_entries)) {
        QString number = entry.result.current.value(QLatin1String("number")).toString();
        if (auto local = m_workspace.store().findCase(entry.caseId); number.isEmpty() && local && local->has_value())
            number = (*local)->number;
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, locale.toString(entry.createdAt.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, number);
        item->setText(2, entry.summary);
        item->setText(3, entry.state == QLatin1String("conflict") ? tr("Conflict") : tr("Refused"));
        item->setText(4, entry.result.error.message);
        item->setToolTip(4, entry.result.error.message);
        if (entry.op.opId == current)
            reselect = item;
    }
    for (int column = 0; column < 4; ++column)
        m_list->resizeColumnToContents(column);
    m_list->setCurrentItem(reselect ? reselect : m_list->topLevelItem(0));
    showSelected();
}

const OutboxEntry *RefusedOpsDialog::selected() const
{
    const int row = m_list ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

QString RefusedOpsDialog::describe(const OutboxEntry &entry) const
{
    const CaseLabels labels(m_workspace.rules(), UiLanguage::current());
    const auto label = [&labels](const QString &path) {
        const QString text = labels.intakeField(path);
        return text.isEmpty() ? path : text;
    };
    const QJsonObject &server = entry.result.current;
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(entry.summary.toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(tr("The server says: %1").arg(entry.result.error.message).toHtmlEscaped());

    if (entry.op.kind == QLatin1String("case.update")) {
        auto mine = CaseFields::flattenInput(entry.op.payload.value(QLatin1String("fields")).toObject(), false);
        const QStringList clashed = entry.result.conflicts;
        if (mine) {
            html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>%1</th><th>%2</th>"
                                   "<th>%3</th></tr>")
                        .arg(tr("Field").toHtmlEscaped(), tr("Your value").toHtmlEscaped(),
                            tr("Server's value").toHtmlEscaped());
            for (auto it = mine->begin(); it != mine->end(); ++it) {
                const bool clash = clashed.contains(it.key());
                const QString mark = clash ? tr("%1 (changed by someone else)").arg(label(it.key())) : label(it.key());
                html += QStringLiteral("<tr><td>%1%2%3</td><td>%4</td><td>%5</td></tr>")
                            .arg(clash ? QStringLiteral("<b>") : QString(), mark.toHtmlEscaped(),
                                clash ? QStringLiteral("</b>") : QString(), shown(it.value()).toHtmlEscaped(),
                                server.isEmpty() ? QStringLiteral("—")
                                                 : shown(valueAt(server, it.key())).toHtmlEscaped());
            }
            html += QStringLiteral("</table>");
        }
    } else if (entry.op.kind == QLatin1String("case.transition")) {
        const auto to = fromCode<CaseStatus>(entry.op.payload.value(QLatin1String("to")).toString());
        const auto now = fromCode<CaseStatus>(server.value(QLatin1String("status")).toString());
        if (to)
            html += QStringLiteral("<p>%1</p>")
                        .arg(tr("You moved the case to: %1").arg(WorkflowNames::status(*to)).toHtmlEscaped());
        if (now)
            html += QStringLiteral("<p>%1</p>")
                        .arg(tr("On the server it is now: %1").arg(WorkflowNames::status(*now)).toHtmlEscaped());
    }
    if (entry.op.kind == QLatin1String("case.create"))
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("A new complaint the server refused cannot be sent again as it is: enter it again with the "
                            "problem corrected, then dismiss this entry.")
                             .toHtmlEscaped());
    return html;
}

void RefusedOpsDialog::showSelected()
{
    const OutboxEntry *entry = selected();
    m_keep->setEnabled(entry != nullptr);
    const bool reappliable = entry && entry->op.kind != QLatin1String("case.create")
        && entry->op.kind != QLatin1String("corrective_action.save");
    m_reapply->setEnabled(reappliable);
    m_details->setHtml(entry ? describe(*entry)
                             : QStringLiteral("<p>%1</p>").arg(tr("Nothing needs your attention.").toHtmlEscaped()));
}

void RefusedOpsDialog::keepServerVersion()
{
    const OutboxEntry *entry = selected();
    if (!entry)
        return;
    // The local case already is the server's version (SyncEngine wrote it when the op was refused).
    if (auto ok = m_workspace.outbox().dismiss(entry->op.opId); !ok) {
        showError(ok.error().message);
        return;
    }
    resolved();
}

Result<CaseChange> RefusedOpsDialog::reapply(const OutboxEntry &entry)
{
    OfflineCasework &casework = m_workspace.casework();
    const AccessPolicy access = m_workspace.access();
    const QJsonObject &payload = entry.op.payload;
    auto current = m_workspace.store().findCase(entry.caseId);
    if (!current)
        return current.error();
    if (!current->has_value())
        return AccessPolicy::notFound();
    const qint64 revision = (*current)->revision; // on top of the case as the server now has it
    if (entry.op.kind == QLatin1String("case.update")) {
        auto fields = CaseFields::flattenInput(payload.value(QLatin1String("fields")).toObject(), false);
        if (!fields)
            return fields.error();
        // Fields that merged cleanly are already on the server; only the clashing ones go again.
        QMap<QString, QJsonValue> again = fields.value();
        if (!entry.result.conflicts.isEmpty() && entry.state == QLatin1String("conflict")) {
            for (auto it = again.begin(); it != again.end();)
                it = entry.result.conflicts.contains(it.key()) ? std::next(it) : again.erase(it);
        }
        return casework.updateCase(entry.caseId, nest(again), revision, access);
    }
    if (entry.op.kind == QLatin1String("case.transition")) {
        TransitionRequest request;
        const auto to = fromCode<CaseStatus>(payload.value(QLatin1String("to")).toString());
        if (!to)
            return Error {QStringLiteral("invalid_value"), tr("This change cannot be applied again."), {}};
        request.to = *to;
        request.reason = payload.value(QLatin1String("reason")).toString();
        if (payload.contains(QLatin1String("voluntary")))
            request.voluntary = payload.value(QLatin1String("voluntary")).toBool();
        return casework.transition(entry.caseId, request, revision, access);
    }
    if (entry.op.kind == QLatin1String("case.action")) {
        return casework.perform(entry.caseId, payload.value(QLatin1String("action")).toString(),
            payload.value(QLatin1String("params")).toObject(), access);
    }
    if (entry.op.kind == QLatin1String("record.append")) {
        return casework.appendRecord(entry.caseId, payload.value(QLatin1String("kind")).toString(),
            payload.value(QLatin1String("data")).toObject(), access);
    }
    return Error {QStringLiteral("not_reappliable"), tr("This change cannot be applied again."), {}};
}

void RefusedOpsDialog::reapplyMine()
{
    const OutboxEntry *entry = selected();
    if (!entry)
        return;
    const OutboxEntry refused = *entry;
    // The new op and the dismissal commit together: the change is never lost nor queued twice.
    auto transaction = m_workspace.store().database().transaction();
    auto change = reapply(refused);
    if (!change) {
        showError(tr("Your change cannot be applied to the current case: %1").arg(change.error().message));
        return;
    }
    if (auto ok = m_workspace.outbox().dismiss(refused.op.opId); !ok) {
        showError(ok.error().message);
        return;
    }
    if (auto ok = transaction.commit(); !ok) {
        showError(ok.error().message);
        return;
    }
    emit m_workspace.casesChanged();
    if (m_engine)
        m_engine->syncNow();
    resolved();
}

void RefusedOpsDialog::resolved()
{
    showError({});
    if (m_engine)
        m_engine->refreshState();
    reload();
}

} // namespace casedesk
