#include "ui/IntakeForm.h"

#include "casework/CaseRules.h"
#include "domain/Money.h"
#include "session/Workspace.h"
#include "ui/CaseLabels.h"
#include "ui/TaxonomyMatchModel.h"
#include "ui/TaxonomyPicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace casedesk {

namespace {
// Short enough to feel live, long enough not to judge every keystroke of a fast typist.
constexpr int evaluationDelayMs = 150;
// A group complaint names its size; a bank branch's hall rarely holds more.
constexpr int maxGroupSize = 10000;

const QString errorStyle = QStringLiteral("color: #b00020;");
const QString hintStyle = QStringLiteral("color: #8a6d00;");

QPlainTextEdit *textBox(QWidget *parent, int lines)
{
    auto *box = new QPlainTextEdit(parent);
    // Tab moves on: the form is worked with the keyboard (issue 4 §3).
    box->setTabChangesFocus(true);
    box->setFixedHeight(box->fontMetrics().lineSpacing() * lines + 14);
    return box;
}
} // namespace

IntakeForm::IntakeForm(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_draft(workspace)
{
    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(evaluationDelayMs);
    connect(m_delay, &QTimer::timeout, this, &IntakeForm::evaluate);
    build();
    retranslate();
    clear();
    connect(&workspace, &Workspace::casesChanged, this, [this] {
        m_draft.forgetRepeats();
        scheduleEvaluation();
    });
}

void IntakeForm::addRow(const QString &path, QWidget *field, QFormLayout *form)
{
    auto *cell = new QWidget(this);
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(field);
    auto *message = new QLabel(cell);
    message->setObjectName(QStringLiteral("message:") + path);
    message->setWordWrap(true);
    message->setStyleSheet(errorStyle);
    message->hide();
    cellLayout->addWidget(message);
    auto *label = new QLabel(this);
    label->setBuddy(field);
    form->addRow(label, cell);
    m_fields.insert(path, field);
    m_labels.insert(path, label);
    m_messages.insert(path, message);
    m_forms.insert(path, form);
}

void IntakeForm::build()
{
    const Taxonomy &taxonomy = m_workspace.rules().taxonomy();

    // Intake setup: channel preset to walk-in, anonymity, time received. Reached last with Tab (or
    // Shift+Tab from the name), since a walk-in at the counter rarely changes them.
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("intakeChannel"));
    m_anonymous = new QCheckBox(this);
    m_anonymous->setObjectName(QStringLiteral("intakeAnonymous"));
    m_receivedAt = new QDateTimeEdit(this);
    m_receivedAt->setObjectName(QStringLiteral("intakeReceivedAt"));
    m_receivedAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_receivedAt->setCalendarPopup(true);
    m_channelLabel = new QLabel(this);
    m_channelLabel->setBuddy(m_channel);
    m_receivedLabel = new QLabel(this);
    m_receivedLabel->setBuddy(m_receivedAt);
    auto *setup = new QHBoxLayout;
    setup->addWidget(m_channelLabel);
    setup->addWidget(m_channel, 2);
    setup->addSpacing(12);
    setup->addWidget(m_anonymous);
    setup->addSpacing(12);
    setup->addWidget(m_receivedLabel);
    setup->addWidget(m_receivedAt, 1);
    m_setupLabel = new QLabel(this);
    m_setupLabel->setObjectName(QStringLiteral("message:setup"));
    m_setupLabel->setWordWrap(true);
    m_setupLabel->setStyleSheet(errorStyle);
    m_setupLabel->hide();
    for (const QString &path :
        {QStringLiteral("channel"), QStringLiteral("complainant.anonymous"), QStringLiteral("received_at")})
        m_messages.insert(path, m_setupLabel);
    m_fields.insert(QStringLiteral("channel"), m_channel);
    m_fields.insert(QStringLiteral("complainant.anonymous"), m_anonymous);
    m_fields.insert(QStringLiteral("received_at"), m_receivedAt);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("intakeName"));
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("intakePhone"));
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_category = new TaxonomyPicker(taxonomy, {}, this);
    m_category->setObjectName(QStringLiteral("intakeCategory"));
    m_business = new TaxonomyPicker(taxonomy, QStringLiteral("business"), this);
    m_business->setObjectName(QStringLiteral("intakeBusiness"));
    m_summary = textBox(this, 3);
    m_summary->setObjectName(QStringLiteral("intakeSummary"));
    m_demand = textBox(this, 2);
    m_demand->setObjectName(QStringLiteral("intakeDemand"));
    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("intakeAmount"));
    m_amount->setMaximumWidth(160);
    m_forwardingBody = new QLineEdit(this);
    m_forwardingBody->setObjectName(QStringLiteral("intakeForwardingBody"));
    m_forwardingReference = new QLineEdit(this);
    m_forwardingReference->setObjectName(QStringLiteral("intakeForwardingReference"));
    m_forwardingDue = new QLineEdit(this);
    m_forwardingDue->setObjectName(QStringLiteral("intakeForwardingDue"));
    m_forwardingDue->setMaximumWidth(160);
    m_mediaOutlet = new QLineEdit(this);
    m_mediaOutlet->setObjectName(QStringLiteral("intakeMediaOutlet"));
    m_recording = new QLineEdit(this);
    m_recording->setObjectName(QStringLiteral("intakeRecording"));

    addRow(QStringLiteral("complainant.name"), m_name, form);
    addRow(QStringLiteral("complainant.phone"), m_phone, form);
    addRow(QStringLiteral("category"), m_category, form);
    addRow(QStringLiteral("business_category"), m_business, form);
    addRow(QStringLiteral("summary"), m_summary, form);
    addRow(QStringLiteral("demand"), m_demand, form);
    addRow(QStringLiteral("amount"), m_amount, form);
    addRow(QStringLiteral("forwarding.body"), m_forwardingBody, form);
    addRow(QStringLiteral("forwarding.reference"), m_forwardingReference, form);
    addRow(QStringLiteral("forwarding.due_date"), m_forwardingDue, form);
    addRow(QStringLiteral("media_outlet"), m_mediaOutlet, form);
    addRow(QStringLiteral("recording_reference"), m_recording, form);

    // Details that help but are never needed to accept a complaint ("accept first", BRIEF §1).
    // One form for both parts, so the labels line up.
    QFormLayout *more = form;
    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    m_moreTitle = new QLabel(this);
    QFont sectionFont = m_moreTitle->font();
    sectionFont.setBold(true);
    m_moreTitle->setFont(sectionFont);
    form->addRow(rule);
    form->addRow(m_moreTitle);
    m_idNumber = new QLineEdit(this);
    m_idNumber->setObjectName(QStringLiteral("intakeIdNumber"));
    m_customerReference = new QLineEdit(this);
    m_customerReference->setObjectName(QStringLiteral("intakeCustomerReference"));
    m_product = new QLineEdit(this);
    m_product->setObjectName(QStringLiteral("intakeProduct"));
    m_subjectStaff = new QLineEdit(this);
    m_subjectStaff->setObjectName(QStringLiteral("intakeSubjectStaff"));
    m_groupSize = new QSpinBox(this);
    m_groupSize->setObjectName(QStringLiteral("intakeGroupSize"));
    m_groupSize->setRange(0, maxGroupSize);
    m_groupSize->setMaximumWidth(240);
    m_fundsSafety = new QCheckBox(this);
    m_fundsSafety->setObjectName(QStringLiteral("intakeFundsSafety"));
    m_threatens = new QCheckBox(this);
    m_threatens->setObjectName(QStringLiteral("intakeThreatens"));
    addRow(QStringLiteral("complainant.id_number"), m_idNumber, more);
    addRow(QStringLiteral("complainant.customer_reference"), m_customerReference, more);
    addRow(QStringLiteral("product"), m_product, more);
    addRow(QStringLiteral("subject_staff"), m_subjectStaff, more);
    addRow(QStringLiteral("group_size"), m_groupSize, more);
    addRow(QStringLiteral("funds_safety"), m_fundsSafety, more);
    addRow(QStringLiteral("threatens_escalation"), m_threatens, more);

    auto *fieldsBox = new QWidget(this);
    auto *fieldsLayout = new QVBoxLayout(fieldsBox);
    fieldsLayout->setContentsMargins(0, 0, 8, 0);
    fieldsLayout->addLayout(form);
    fieldsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(fieldsBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);

    // The preview: what saving now would give (number, priority and why, routing, due dates).
    auto *preview = new QFrame(this);
    preview->setObjectName(QStringLiteral("intakePreview"));
    preview->setFrameShape(QFrame::StyledPanel);
    preview->setMinimumWidth(300);
    preview->setMaximumWidth(420);
    auto *previewLayout = new QVBoxLayout(preview);
    m_previewTitle = new QLabel(preview);
    m_previewTitle->setFont(sectionFont);
    const auto label = [preview](const QString &name) {
        auto *l = new QLabel(preview);
        l->setObjectName(name);
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        l->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        return l;
    };
    m_number = label(QStringLiteral("previewNumber"));
    m_priority = label(QStringLiteral("previewPriority"));
    m_routing = label(QStringLiteral("previewRouting"));
    m_deadlines = label(QStringLiteral("previewDeadlines"));
    m_warnings = label(QStringLiteral("previewWarnings"));
    m_warnings->setStyleSheet(hintStyle);
    m_repeat = label(QStringLiteral("previewRepeat"));
    m_repeat->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_repeat->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; border: 1px solid #e0c36a; padding: 6px; }"));
    connect(m_repeat, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("case:")))
            emit openCase(link.mid(5));
    });
    previewLayout->addWidget(m_previewTitle);
    for (QLabel *l : {m_number, m_priority, m_routing, m_deadlines, m_repeat, m_warnings})
        previewLayout->addWidget(l);
    previewLayout->addStretch(1);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("intakeBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { color: #842029; background: #f8d7da; padding: 6px; }"));
    m_banner->hide();

    auto *body = new QHBoxLayout;
    body->addWidget(scroll, 3);
    body->addWidget(preview, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(setup);
    layout->addWidget(m_setupLabel);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);

    // The walk-in path first (SCENARIOS 1), then the rest, then the intake setup at the top.
    const QList<QWidget *> chain
        = {m_name, m_phone, m_category, m_business, m_summary, m_demand, m_amount, m_forwardingBody,
            m_forwardingReference, m_forwardingDue, m_mediaOutlet, m_recording, m_idNumber, m_customerReference,
            m_product, m_subjectStaff, m_groupSize, m_fundsSafety, m_threatens, m_channel, m_anonymous, m_receivedAt};
    for (int i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));

    for (const ChannelEntry &entry : taxonomy.channels())
        m_channel->addItem(QString(), toCode(entry.channel));

    const auto changed = [this] { scheduleEvaluation(); };
    for (QLineEdit *edit : {m_name, m_phone, m_amount, m_forwardingBody, m_forwardingReference, m_forwardingDue,
             m_mediaOutlet, m_recording, m_idNumber, m_customerReference, m_product, m_subjectStaff})
        connect(edit, &QLineEdit::textChanged, this, changed);
    for (QPlainTextEdit *edit : {m_summary, m_demand})
        connect(edit, &QPlainTextEdit::textChanged, this, changed);
    for (TaxonomyPicker *picker : {m_category, m_business}) {
        connect(picker, &QLineEdit::textChanged, this, changed);
        connect(picker, &TaxonomyPicker::codeChanged, this, changed);
    }
    for (QCheckBox *box : {m_fundsSafety, m_threatens})
        connect(box, &QCheckBox::toggled, this, changed);
    connect(m_groupSize, &QSpinBox::valueChanged, this, changed);
    connect(m_receivedAt, &QDateTimeEdit::dateTimeChanged, this, changed);
    connect(m_channel, &QComboBox::currentIndexChanged, this, [this] {
        updateChannelFields();
        scheduleEvaluation();
    });
    connect(m_anonymous, &QCheckBox::toggled, this, [this](bool anonymous) {
        if (anonymous) {
            // BRIEF §6: an anonymous complaint carries no name, phone or ID number.
            m_name->clear();
            m_phone->clear();
            m_idNumber->clear();
        }
        updateChannelFields();
        scheduleEvaluation();
    });
    // A field left once is judged fully: "required" shows only after the clerk passed it by.
    for (QWidget *field : std::as_const(m_fields))
        field->installEventFilter(this);
}

bool IntakeForm::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut) {
        for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
            if (it.value() == watched)
                markTouched(it.key());
        }
    }
    return QWidget::eventFilter(watched, event);
}

void IntakeForm::markTouched(const QString &path)
{
    if (m_touched.contains(path))
        return;
    m_touched.insert(path);
    scheduleEvaluation();
}

void IntakeForm::scheduleEvaluation()
{
    m_delay->start();
}

QStringList IntakeForm::fieldOrder() const
{
    return {QStringLiteral("channel"), QStringLiteral("complainant.anonymous"), QStringLiteral("received_at"),
        QStringLiteral("complainant.name"), QStringLiteral("complainant.phone"), QStringLiteral("category"),
        QStringLiteral("business_category"), QStringLiteral("summary"), QStringLiteral("demand"),
        QStringLiteral("amount"), QStringLiteral("forwarding.body"), QStringLiteral("forwarding.reference"),
        QStringLiteral("forwarding.due_date"), QStringLiteral("media_outlet"), QStringLiteral("recording_reference"),
        QStringLiteral("complainant.id_number"), QStringLiteral("complainant.customer_reference"),
        QStringLiteral("product"), QStringLiteral("subject_staff"), QStringLiteral("group_size"),
        QStringLiteral("funds_safety"), QStringLiteral("threatens_escalation")};
}

void IntakeForm::updateChannelFields()
{
    const Channel channel = fromCode<Channel>(m_channel->currentData().toString()).value_or(Channel::WalkIn);
    const bool forwarded = channel == Channel::ForwardedRegulator || channel == Channel::ForwardedSuperior;
    const bool anonymous = m_anonymous->isChecked();
    const auto show = [this](const QString &path, bool visible) {
        m_forms.value(path)->setRowVisible(m_labels.value(path), visible);
    };
    show(QStringLiteral("complainant.name"), !anonymous);
    show(QStringLiteral("complainant.phone"), !anonymous);
    show(QStringLiteral("complainant.id_number"), !anonymous);
    show(QStringLiteral("forwarding.body"), forwarded);
    show(QStringLiteral("forwarding.reference"), forwarded);
    show(QStringLiteral("forwarding.due_date"), forwarded);
    show(QStringLiteral("media_outlet"), channel == Channel::Media);
    // BRIEF §9: walk-in handling is recorded on audio/video; other channels have no recording.
    show(QStringLiteral("recording_reference"), channel == Channel::WalkIn);
    retranslate(); // required markers follow the channel
}

QJsonObject IntakeForm::input() const
{
    QJsonObject o;
    const QString channelCode = m_channel->currentData().toString();
    const Channel channel = fromCode<Channel>(channelCode).value_or(Channel::WalkIn);
    o.insert(QStringLiteral("channel"), channelCode);
    if (m_receivedAt->dateTime() != m_openedAt) {
        // Typed in the branch's local time (the counter's wall clock), sent with its offset.
        const auto branch = m_workspace.store().findBranch(m_workspace.user().branchId);
        const QByteArray zone = branch && branch->has_value() ? (*branch)->timeZone.toUtf8()
                                                              : m_workspace.rules().limits().defaultTimeZone().toUtf8();
        const QDateTime shown = m_receivedAt->dateTime();
        o.insert(QStringLiteral("received_at"),
            QDateTime(shown.date(), shown.time(), QTimeZone(zone)).toString(Qt::ISODate));
    }
    QJsonObject complainant;
    if (m_anonymous->isChecked()) {
        complainant.insert(QStringLiteral("anonymous"), true);
    } else {
        const auto put = [&complainant](const QString &key, const QLineEdit *edit) {
            if (!edit->text().trimmed().isEmpty())
                complainant.insert(key, edit->text().trimmed());
        };
        put(QStringLiteral("name"), m_name);
        put(QStringLiteral("phone"), m_phone);
        put(QStringLiteral("id_number"), m_idNumber);
    }
    if (!m_customerReference->text().trimmed().isEmpty())
        complainant.insert(QStringLiteral("customer_reference"), m_customerReference->text().trimmed());
    o.insert(QStringLiteral("complainant"), complainant);
    if (!m_category->code().isEmpty())
        o.insert(QStringLiteral("category"), m_category->code());
    if (!m_business->code().isEmpty())
        o.insert(QStringLiteral("business_category"), m_business->code());
    const auto putText = [&o](const QString &key, const QString &text) {
        if (!text.trimmed().isEmpty())
            o.insert(key, text.trimmed());
    };
    putText(QStringLiteral("summary"), m_summary->toPlainText());
    putText(QStringLiteral("demand"), m_demand->toPlainText());
    if (!m_amount->text().trimmed().isEmpty()) {
        // A number on the wire (DESIGN §5); text the core cannot read goes as typed so it says why.
        auto amount = Money::parse(m_amount->text().trimmed());
        o.insert(QStringLiteral("amount"), amount ? amount->toJson() : QJsonValue(m_amount->text().trimmed()));
    }
    if (channel == Channel::ForwardedRegulator || channel == Channel::ForwardedSuperior) {
        QJsonObject forwarding;
        if (!m_forwardingBody->text().trimmed().isEmpty())
            forwarding.insert(QStringLiteral("body"), m_forwardingBody->text().trimmed());
        if (!m_forwardingReference->text().trimmed().isEmpty())
            forwarding.insert(QStringLiteral("reference"), m_forwardingReference->text().trimmed());
        if (!m_forwardingDue->text().trimmed().isEmpty())
            forwarding.insert(QStringLiteral("due_date"), m_forwardingDue->text().trimmed());
        o.insert(QStringLiteral("forwarding"), forwarding);
    }
    if (channel == Channel::Media)
        putText(QStringLiteral("media_outlet"), m_mediaOutlet->text());
    if (channel == Channel::WalkIn)
        putText(QStringLiteral("recording_reference"), m_recording->text());
    putText(QStringLiteral("product"), m_product->text());
    putText(QStringLiteral("subject_staff"), m_subjectStaff->text());
    if (m_groupSize->value() > 0)
        o.insert(QStringLiteral("group_size"), m_groupSize->value());
    if (m_fundsSafety->isChecked())
        o.insert(QStringLiteral("funds_safety"), true);
    if (m_threatens->isChecked())
        o.insert(QStringLiteral("threatens_escalation"), true);
    return o;
}

const IntakeDraft::Evaluation &IntakeForm::evaluate()
{
    m_delay->stop();
    m_evaluation = m_draft.evaluate(input());
    // A picker whose text matches no entry, or several, says so instead of "required".
    const CaseLabels labels(m_workspace.rules());
    for (auto [path, picker] : {std::pair {QStringLiteral("category"), m_category},
             std::pair {QStringLiteral("business_category"), m_business}}) {
        if (picker->code().isEmpty() && !picker->text().trimmed().isEmpty()) {
            m_evaluation.missing.remove(path);
            m_evaluation.invalid.insert(path,
                picker->matchCount() == 0
                    ? tr("Nothing matches “%1”; type part of the Chinese or English name.")
                          .arg(picker->text().trimmed())
                    : tr("%n entries match; choose one with the arrow keys and Enter.", nullptr, picker->matchCount()));
        }
    }
    showEvaluation();
    emit evaluated();
    return m_evaluation;
}

QString IntakeForm::fieldMessage(const QString &path) const
{
    const QLabel *label = m_messages.value(path);
    return label && !label->isHidden() ? label->text() : QString();
}

QWidget *IntakeForm::fieldWidget(const QString &path) const
{
    return m_fields.value(path);
}

void IntakeForm::showEvaluation()
{
    const CaseLabels labels(m_workspace.rules());
    const IntakeDraft::Evaluation &e = m_evaluation;
    QHash<QLabel *, QString> messages;
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        const QString &path = it.key();
        QString text = e.invalid.value(path);
        if (text.isEmpty() && (m_saveAttempted || m_touched.contains(path)))
            text = e.missing.value(path);
        if (!text.isEmpty() && messages.value(it.value()).isEmpty())
            messages.insert(it.value(), text);
        else if (!messages.contains(it.value()))
            messages.insert(it.value(), QString());
    }
    for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
        it.key()->setText(it.value());
        it.key()->setVisible(!it.value().isEmpty());
    }

    m_number->setText(e.number.isEmpty()
            ? QString()
            : tr("Case number on saving: <b>%1</b><br><small>Issued on this computer; valid offline.</small>")
                  .arg(e.number.toHtmlEscaped()));
    if (!e.preview) {
        m_priority->clear();
        m_routing->clear();
        m_deadlines->clear();
    } else {
        const Case &c = *e.preview;
        QString priority = CaseLabels::priority(c.priority).toHtmlEscaped();
        if (c.priority == Priority::Urgent)
            priority = QStringLiteral("<span style='color:#b00020'>%1</span>").arg(priority);
        QStringList reasons;
        for (const PriorityReason &reason : c.priorityReasons)
            reasons.append(reason.text.text(labels.language()).toHtmlEscaped());
        m_priority->setText(reasons.isEmpty()
                ? tr("Priority: <b>%1</b>").arg(priority)
                : tr("Priority: <b>%1</b>, because: %2").arg(priority, reasons.join(QStringLiteral("; "))));
        QString routing = tr("Handled by: %1").arg(labels.unit(c.handlingUnit).toHtmlEscaped());
        const QString why = e.routing.reason.text(labels.language());
        if (!why.isEmpty())
            routing += QStringLiteral("<br><small>%1</small>").arg(why.toHtmlEscaped());
        m_routing->setText(routing);
        if (!e.categoryKnown) {
            m_routing->setText(tr("Pick a category to see the handling unit and the time limits."));
            m_deadlines->clear();
        }
    }
    if (e.preview && e.categoryKnown) {
        const Case &c = *e.preview;
        const TimeLimits &limits = m_workspace.rules().limits();
        const Complexity complexity = m_workspace.rules().complexityOf(c.category);
        QStringList rows;
        const auto row = [&rows](const QString &what, const QString &when) {
            rows.append(QStringLiteral("<tr><td>%1</td><td style='padding-left:8px'><b>%2</b></td></tr>")
                            .arg(what.toHtmlEscaped(), when.toHtmlEscaped()));
        };
        row(tr("Register by"), labels.date(c.deadlines.registerBy));
        row(tr("First contact"), tr("within %n working day(s) of dispatch", nullptr, limits.contactWorkingDays()));
        row(complexity == Complexity::Complex
                ? tr("Reply by (complex, %n working day(s))", nullptr, limits.resolveWorkingDays(complexity))
                : tr("Reply by (general, %n working day(s))", nullptr, limits.resolveWorkingDays(complexity)),
            labels.date(c.deadlines.resolveBy));
        if (c.deadlines.forwarderBy.isValid())
            row(tr("Forwarding body's deadline"), labels.date(c.deadlines.forwarderBy));
        row(tr("Statutory decision by (%n day(s))", nullptr, limits.statutoryCalendarDays()),
            labels.date(c.deadlines.statutoryBy));
        m_deadlines->setText(QStringLiteral("<table>%1</table>").arg(rows.join(QString())));
    }
    if (e.repeats.isEmpty()) {
        m_repeat->hide();
    } else {
        const IntakeDraft::PossibleRepeat &r = e.repeats.first();
        QString text = tr("Possible repeat of <a href='case:%1'>%2</a>, received %3 (%4).")
                           .arg(r.caseId, r.number.toHtmlEscaped(), labels.dateTime(r.receivedAt).toHtmlEscaped(),
                               labels.category(r.category).toHtmlEscaped());
        if (e.repeats.size() > 1)
            text += QLatin1Char(' ')
                + tr("%n more earlier case(s) from the same contact.", nullptr, int(e.repeats.size() - 1));
        if (e.priorityIfRepeat)
            text += QLatin1Char(' ')
                + tr("If it is a repeat, the priority rises to %1.")
                      .arg(CaseLabels::priority(*e.priorityIfRepeat).toHtmlEscaped());
        text += QStringLiteral("<br><small>%1</small>")
                    .arg(tr("Save anyway: the server checks again and links the cases when this one is synced.")
                             .toHtmlEscaped());
        m_repeat->setText(text);
        m_repeat->show();
    }
    QStringList warnings;
    for (const QString &w : e.warnings)
        warnings.append(QStringLiteral("• ") + w.toHtmlEscaped());
    m_warnings->setText(warnings.join(QStringLiteral("<br>")));
    m_warnings->setVisible(!warnings.isEmpty());
}

std::optional<Case> IntakeForm::save()
{
    m_category->resolve();
    m_business->resolve();
    m_saveAttempted = true;
    m_banner->hide();
    evaluate();
    if (!m_evaluation.acceptable()) {
        const QStringList problems = m_evaluation.problemFields(fieldOrder());
        if (QWidget *field = m_fields.value(problems.value(0)))
            field->setFocus(Qt::OtherFocusReason);
        return std::nullopt;
    }
    auto change = m_workspace.casework().createCase(input(), m_workspace.access(), m_workspace.deviceCode());
    if (!change) {
        const QString path = change.error().details.value(QStringLiteral("field")).toString();
        if (m_messages.contains(path)) {
            m_evaluation.invalid.insert(path, change.error().message);
            showEvaluation();
            if (QWidget *field = m_fields.value(path))
                field->setFocus(Qt::OtherFocusReason);
        } else {
            m_banner->setText(tr("The complaint was not saved: %1").arg(change.error().message));
            m_banner->show();
        }
        return std::nullopt;
    }
    const Case created = change->current;
    const QStringList warnings = change->warnings;
    emit m_workspace.casesChanged();
    emit saved(created, warnings);
    clear();
    return created;
}

void IntakeForm::clear()
{
    for (QLineEdit *edit : {m_name, m_phone, m_amount, m_forwardingBody, m_forwardingReference, m_forwardingDue,
             m_mediaOutlet, m_recording, m_idNumber, m_customerReference, m_product, m_subjectStaff})
        edit->clear();
    m_category->setCode({});
    m_business->setCode({});
    m_summary->clear();
    m_demand->clear();
    m_groupSize->setValue(0);
    m_fundsSafety->setChecked(false);
    m_threatens->setChecked(false);
    m_anonymous->setChecked(false);
    const auto branch = m_workspace.store().findBranch(m_workspace.user().branchId);
    const QByteArray zone = branch && branch->has_value() ? (*branch)->timeZone.toUtf8()
                                                          : m_workspace.rules().limits().defaultTimeZone().toUtf8();
    const QDateTime now = m_workspace.clock().now().toTimeZone(QTimeZone(zone));
    m_openedAt = QDateTime(now.date(), QTime(now.time().hour(), now.time().minute()));
    {
        const QSignalBlocker blocker(m_receivedAt);
        m_receivedAt->setDateTime(m_openedAt);
        m_receivedAt->setMaximumDateTime(m_openedAt.addDays(1));
    }
    m_openedAt = m_receivedAt->dateTime();
    m_touched.clear();
    m_saveAttempted = false;
    m_banner->hide();
    updateChannelFields();
    evaluate();
}

void IntakeForm::setChannel(Channel channel)
{
    m_channel->setCurrentIndex(qMax(0, m_channel->findData(toCode(channel))));
}

void IntakeForm::focusFirstField()
{
    for (QWidget *w : QList<QWidget *> {m_name, m_category})
        if (w->isVisibleTo(this)) {
            w->setFocus(Qt::OtherFocusReason);
            return;
        }
}

void IntakeForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showEvaluation();
    }
    QWidget::changeEvent(event);
}

void IntakeForm::retranslate()
{
    const CaseLabels labels(m_workspace.rules());
    const Channel channel = fromCode<Channel>(m_channel->currentData().toString()).value_or(Channel::WalkIn);
    const QStringList required
        = m_workspace.rules().pack().intakeFields().allRequiredFields(channel, m_anonymous->isChecked());
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it) {
        QString text = labels.intakeField(it.key());
        if (required.contains(it.key()))
            text += QStringLiteral(" *");
        it.value()->setText(text);
    }
    // The check boxes say what they mean themselves.
    m_labels.value(QStringLiteral("funds_safety"))->clear();
    m_labels.value(QStringLiteral("threatens_escalation"))->clear();
    m_channelLabel->setText(labels.intakeField(QStringLiteral("channel")));
    m_receivedLabel->setText(labels.intakeField(QStringLiteral("received_at")));
    m_anonymous->setText(tr("Anon&ymous"));
    for (int i = 0; i < m_channel->count(); ++i) {
        if (const auto c = fromCode<Channel>(m_channel->itemData(i).toString()))
            m_channel->setItemText(i, labels.channel(*c));
    }
    m_category->setLanguage(labels.language());
    m_business->setLanguage(labels.language());
    m_category->setPlaceholderText(tr("Type part of the name, e.g. 工作 or “work”"));
    m_business->setPlaceholderText(tr("Type part of the name, e.g. 支付 or “payment”"));
    m_phone->setPlaceholderText(tr("Mobile or landline, e.g. 138 1234 5678"));
    m_forwardingDue->setPlaceholderText(tr("YYYY-MM-DD"));
    m_amount->setPlaceholderText(tr("e.g. 25.00"));
    m_groupSize->setSpecialValueText(tr("Not a group complaint"));
    m_fundsSafety->setText(tr("Funds safety or trading risk involved"));
    m_threatens->setText(tr("Complainant threatens to go to the media or the regulator"));
    m_moreTitle->setText(tr("More details (optional)"));
    m_previewTitle->setText(tr("On saving"));
}

} // namespace casedesk
