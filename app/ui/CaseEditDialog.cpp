#include "ui/CaseEditDialog.h"

#include "casework/CaseFields.h"
#include "casework/CaseRules.h"
#include "domain/Money.h"
#include "ui/CaseLabels.h"
#include "ui/TaxonomyPicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace casedesk {

namespace {
constexpr int maxGroupSize = 10000;
}

CaseEditDialog::CaseEditDialog(
    const CaseRules &rules, const Case &current, const AccessPolicy &access, Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_rules(rules)
    , m_case(current)
    , m_submit(std::move(submit))
{
    const CaseLabels labels(rules);
    setObjectName(QStringLiteral("caseEditDialog"));
    setWindowTitle(tr("Edit details — %1").arg(current.number));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    const auto add = [&](const QString &path, QWidget *widget) {
        widget->setObjectName(QStringLiteral("edit:") + path);
        widget->setEnabled(access.canEdit(current, path));
        if (auto *box = qobject_cast<QCheckBox *>(widget)) {
            box->setText(labels.intakeField(path));
            form->addRow(QString(), box);
        } else {
            auto *label = new QLabel(labels.intakeField(path), this);
            label->setBuddy(widget);
            form->addRow(label, widget);
        }
        m_widgets.insert(path, widget);
        m_paths.append(path);
    };
    const auto line = [this](const QString &text) { return new QLineEdit(text, this); };
    const auto text = [this](const QString &value) {
        auto *edit = new QPlainTextEdit(value, this);
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 14);
        return edit;
    };
    auto *category = new TaxonomyPicker(rules.taxonomy(), {}, this);
    category->setCode(current.category);
    add(QStringLiteral("category"), category);
    auto *business = new TaxonomyPicker(rules.taxonomy(), QStringLiteral("business"), this);
    business->setCode(current.businessCategory);
    add(QStringLiteral("business_category"), business);
    auto *cause = new QComboBox(this);
    cause->addItem(tr("— not confirmed yet —"), QString());
    for (const AxisNode *node : rules.taxonomy().axisLeaves(QStringLiteral("cause")))
        cause->addItem(node->name.text(labels.language()), node->code);
    cause->setCurrentIndex(qMax(0, cause->findData(current.cause)));
    add(QStringLiteral("cause"), cause);
    add(QStringLiteral("summary"), text(current.summary));
    add(QStringLiteral("demand"), text(current.demand));
    add(QStringLiteral("amount"), line(current.amount ? current.amount->toString() : QString()));
    add(QStringLiteral("product"), line(current.product));
    add(QStringLiteral("subject_staff"), line(current.subjectStaff));
    add(QStringLiteral("complainant.customer_reference"), line(current.complainant.customerReference));
    if (current.channel == Channel::WalkIn)
        add(QStringLiteral("recording_reference"), line(current.recordingReference));
    if (current.channel == Channel::Media)
        add(QStringLiteral("media_outlet"), line(current.mediaOutlet));
    if (current.channel == Channel::ForwardedRegulator || current.channel == Channel::ForwardedSuperior) {
        add(QStringLiteral("forwarding.body"), line(current.forwarding.body));
        add(QStringLiteral("forwarding.reference"), line(current.forwarding.reference));
        add(QStringLiteral("forwarding.due_date"),
            line(current.forwarding.dueDate.isValid() ? current.forwarding.dueDate.toString(Qt::ISODate) : QString()));
    }
    auto *group = new QSpinBox(this);
    group->setRange(0, maxGroupSize);
    group->setSpecialValueText(tr("Not a group complaint"));
    group->setValue(current.groupSize);
    add(QStringLiteral("group_size"), group);
    for (const auto &[path, on] : {std::pair {QStringLiteral("funds_safety"), current.fundsSafety},
             std::pair {QStringLiteral("threatens_escalation"), current.threatensEscalation},
             std::pair {QStringLiteral("legal_dispute"), current.legalDispute}}) {
        auto *box = new QCheckBox(this);
        box->setChecked(on);
        add(path, box);
    }

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #842029; background: #f8d7da; padding: 6px; }"));
    m_error->hide();
    auto *fields = new QWidget(this);
    fields->setLayout(form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(fields);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CaseEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CaseEditDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(640, 680);
}

QJsonValue CaseEditDialog::value(const QString &path) const
{
    QWidget *w = m_widgets.value(path);
    if (auto *picker = qobject_cast<TaxonomyPicker *>(w)) {
        picker->resolve();
        return picker->code().isEmpty() ? QJsonValue(picker->text().trimmed()) : QJsonValue(picker->code());
    }
    if (auto *box = qobject_cast<QComboBox *>(w))
        return box->currentData().toString().isEmpty() ? QJsonValue() : QJsonValue(box->currentData().toString());
    if (auto *edit = qobject_cast<QLineEdit *>(w)) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty())
            return QJsonValue();
        if (path == QLatin1String("amount")) {
            auto money = Money::parse(text);
            return money ? money->toJson() : QJsonValue(text);
        }
        return text;
    }
    if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
        return edit->toPlainText().trimmed().isEmpty() ? QJsonValue() : QJsonValue(edit->toPlainText().trimmed());
    if (auto *spin = qobject_cast<QSpinBox *>(w))
        return spin->value();
    if (auto *check = qobject_cast<QCheckBox *>(w))
        return check->isChecked();
    return {};
}

QJsonObject CaseEditDialog::changes() const
{
    QJsonObject fields;
    for (const QString &path : m_paths) {
        if (!m_widgets.value(path)->isEnabled())
            continue;
        const QJsonValue now = value(path);
        const QJsonValue before = CaseFields::get(m_case, path);
        const bool same = now == before || (now.isNull() && before.isNull())
            || (now.isDouble() && before.isDouble() && qFuzzyCompare(now.toDouble() + 1, before.toDouble() + 1));
        if (same)
            continue;
        const int dot = int(path.indexOf(QLatin1Char('.')));
        if (dot > 0) {
            QJsonObject inner = fields.value(path.left(dot)).toObject();
            inner.insert(path.mid(dot + 1), now);
            fields.insert(path.left(dot), inner);
        } else {
            fields.insert(path, now);
        }
    }
    return fields;
}

QString CaseEditDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void CaseEditDialog::accept()
{
    const QJsonObject fields = changes();
    if (fields.isEmpty()) {
        QDialog::reject();
        return;
    }
    if (m_submit) {
        if (Status status = m_submit(fields); !status) {
            QString message = status.error().message;
            const QString path = status.error().details.value(QStringLiteral("field")).toString();
            if (!path.isEmpty())
                message.replace(QStringLiteral("“%1”").arg(path),
                    QStringLiteral("“%1”").arg(CaseLabels(m_rules).intakeField(path)));
            m_error->setText(message);
            m_error->show();
            if (QWidget *w = m_widgets.value(path))
                w->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    m_error->hide();
    QDialog::accept();
}

} // namespace casedesk
