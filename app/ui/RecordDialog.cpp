#include "ui/RecordDialog.h"

#include "casework/CaseRules.h"
#include "domain/Money.h"
#include "ui/CaseLabels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

namespace casedesk {

namespace {
// An optional date shows as "not set" at this value (QDateEdit cannot be empty).
const QDate unsetDate(2000, 1, 1);
constexpr int maxRecordInt = 1000000;

QTimeZone counterZone(const CaseRules &rules)
{
    return QTimeZone(rules.limits().defaultTimeZone().toUtf8());
}
} // namespace

RecordDialog::RecordDialog(
    const CaseRules &rules, const RecordKind &kind, const QDateTime &currentTime, Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_rules(rules)
    , m_kind(kind)
    , m_submit(std::move(submit))
{
    const CaseLabels labels(rules);
    setObjectName(QStringLiteral("recordDialog:") + kind.code);
    setWindowTitle(kind.name.text(labels.language()));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    const QDateTime now = currentTime.toTimeZone(counterZone(rules));
    for (const RecordField &field : kind.fields) {
        QWidget *widget = nullptr;
        switch (field.type) {
        case RecordFieldType::String:
        case RecordFieldType::Money: {
            auto *edit = new QLineEdit(this);
            if (field.type == RecordFieldType::Money) {
                edit->setPlaceholderText(tr("e.g. 25.00"));
                edit->setMaximumWidth(180);
            }
            widget = edit;
            break;
        }
        case RecordFieldType::Text: {
            auto *edit = new QPlainTextEdit(this);
            edit->setTabChangesFocus(true);
            edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 14);
            widget = edit;
            break;
        }
        case RecordFieldType::Bool: {
            auto *box = new QCheckBox(this);
            widget = box;
            break;
        }
        case RecordFieldType::Int: {
            auto *spin = new QSpinBox(this);
            spin->setRange(0, maxRecordInt);
            spin->setMaximumWidth(120);
            widget = spin;
            break;
        }
        case RecordFieldType::Date: {
            auto *edit = new QDateEdit(this);
            edit->setCalendarPopup(true);
            edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
            if (field.required) {
                edit->setDate(now.date());
            } else {
                edit->setMinimumDate(unsetDate);
                edit->setSpecialValueText(tr("not set"));
                edit->setDate(unsetDate);
            }
            edit->setMaximumWidth(180);
            widget = edit;
            break;
        }
        case RecordFieldType::DateTime: {
            auto *edit = new QDateTimeEdit(this);
            edit->setCalendarPopup(true);
            edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
            edit->setDateTime(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())));
            edit->setMaximumWidth(220);
            widget = edit;
            break;
        }
        case RecordFieldType::Code:
        case RecordFieldType::Cause: {
            auto *box = new QComboBox(this);
            if (!field.required)
                box->addItem(tr("—"), QString());
            if (field.type == RecordFieldType::Code) {
                for (const QString &value : field.values)
                    box->addItem(CaseLabels::recordValue(value), value);
            } else {
                for (const AxisNode *node : rules.taxonomy().axisLeaves(QStringLiteral("cause")))
                    box->addItem(node->name.text(labels.language()), node->code);
            }
            widget = box;
            break;
        }
        }
        widget->setObjectName(QStringLiteral("field:") + field.name);
        QString label = field.label.text(labels.language());
        if (field.required)
            label += QStringLiteral(" *");
        if (auto *box = qobject_cast<QCheckBox *>(widget)) {
            box->setText(label);
            form->addRow(QString(), box);
        } else {
            auto *l = new QLabel(label, this);
            l->setBuddy(widget);
            form->addRow(l, widget);
        }
        m_widgets.insert(field.name, widget);
    }
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("recordError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #842029; background: #f8d7da; padding: 6px; }"));
    m_error->hide();

    auto *fields = new QWidget(this);
    fields->setLayout(form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(fields);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("recordSave"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RecordDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(620, qMin(760, 140 + int(kind.fields.size()) * 56));
}

void RecordDialog::setValue(const QString &field, const QJsonValue &value)
{
    QWidget *w = m_widgets.value(field);
    if (auto *edit = qobject_cast<QLineEdit *>(w))
        edit->setText(value.isDouble() ? QString::number(value.toDouble(), 'f', 2) : value.toString());
    else if (auto *text = qobject_cast<QPlainTextEdit *>(w))
        text->setPlainText(value.toString());
    else if (auto *box = qobject_cast<QCheckBox *>(w))
        box->setChecked(value.toBool());
    else if (auto *spin = qobject_cast<QSpinBox *>(w))
        spin->setValue(value.toInt());
    else if (auto *combo = qobject_cast<QComboBox *>(w))
        combo->setCurrentIndex(qMax(0, combo->findData(value.toString())));
    else if (auto *dateTime = qobject_cast<QDateTimeEdit *>(w)) {
        if (qobject_cast<QDateEdit *>(w))
            dateTime->setDate(QDate::fromString(value.toString(), Qt::ISODate));
        else
            dateTime->setDateTime(
                QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toTimeZone(counterZone(m_rules)));
    }
}

QJsonObject RecordDialog::data() const
{
    QJsonObject data;
    for (const RecordField &field : m_kind.fields) {
        QWidget *w = m_widgets.value(field.name);
        QJsonValue value;
        if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            const QString text = edit->text().trimmed();
            if (text.isEmpty())
                continue;
            if (field.type == RecordFieldType::Money) {
                auto money = Money::parse(text);
                value = money ? money->toJson() : QJsonValue(text);
            } else {
                value = text;
            }
        } else if (auto *text = qobject_cast<QPlainTextEdit *>(w)) {
            if (text->toPlainText().trimmed().isEmpty())
                continue;
            value = text->toPlainText().trimmed();
        } else if (auto *box = qobject_cast<QCheckBox *>(w)) {
            value = box->isChecked();
        } else if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            value = spin->value();
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            if (combo->currentData().toString().isEmpty())
                continue;
            value = combo->currentData().toString();
        } else if (auto *date = qobject_cast<QDateEdit *>(w)) {
            if (!field.required && date->date() == unsetDate)
                continue;
            value = date->date().toString(Qt::ISODate);
        } else if (auto *dateTime = qobject_cast<QDateTimeEdit *>(w)) {
            // Typed on the counter's wall clock; sent with its offset (DESIGN §5).
            const QDateTime shown = dateTime->dateTime();
            value = QDateTime(shown.date(), shown.time(), counterZone(m_rules)).toString(Qt::ISODate);
        }
        data.insert(field.name, value);
    }
    return data;
}

QString RecordDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void RecordDialog::accept()
{
    const QJsonObject record = data();
    Status status = m_submit ? m_submit(record) : Status();
    if (!status) {
        const QString field = status.error().details.value(QStringLiteral("field")).toString();
        const RecordField *f = m_kind.field(field.section(QLatin1Char('.'), -1));
        QString message = status.error().message;
        if (f) {
            const CaseLabels labels(m_rules);
            message.replace(
                QStringLiteral("“%1”").arg(field), QStringLiteral("“%1”").arg(f->label.text(labels.language())));
        }
        m_error->setText(message);
        m_error->show();
        if (QWidget *w = m_widgets.value(f ? f->name : QString()))
            w->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_error->hide();
    QDialog::accept();
}

} // namespace casedesk
