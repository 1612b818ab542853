#pragma once

#include "domain/Case.h"
#include "ui/IntakeDraft.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTimer;

namespace casedesk {

class TaxonomyPicker;
class Workspace;

// The counter's intake form (issue 4 §3, BRIEF §2, SCENARIOS 1): the fewest fields a walk-in needs
// in the order they are typed (name, phone, category, business category, summary, demand), channel-
// dependent fields shown only for their channel, live validation next to each field, and a live
// preview of the number, priority with reasons, routing and due dates. Saving goes through
// OfflineCasework, so it works with the link to head office down.
class IntakeForm : public QWidget
{
    Q_OBJECT

public:
    explicit IntakeForm(Workspace &workspace, QWidget *parent = nullptr);

    // The case fields as createCase takes them.
    QJsonObject input() const;
    // Judges the form and updates messages and preview now (normally they follow typing after a pause).
    const IntakeDraft::Evaluation &evaluate();
    const IntakeDraft::Evaluation &evaluation() const { return m_evaluation; }
    // Saves when the form is acceptable; otherwise shows every problem and focuses the first one.
    std::optional<Case> save();
    // Empties the form for the next complainant; the channel stays as it was.
    void clear();
    void setChannel(Channel channel);
    void focusFirstField();
    // The message shown next to a field ("complainant.phone"), empty when none.
    QString fieldMessage(const QString &path) const;
    QWidget *fieldWidget(const QString &path) const;

signals:
    void saved(const casedesk::Case &created, const QStringList &warnings);
    void openCase(const QString &caseId);
    void evaluated();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build();
    void retranslate();
    void scheduleEvaluation();
    void showEvaluation();
    void updateChannelFields();
    void markTouched(const QString &path);
    void addRow(const QString &path, QWidget *field, QFormLayout *form);
    QStringList fieldOrder() const;

    Workspace &m_workspace;
    IntakeDraft m_draft;
    IntakeDraft::Evaluation m_evaluation;
    QTimer *m_delay = nullptr;
    QSet<QString> m_touched;
    bool m_saveAttempted = false;
    QDateTime m_openedAt;

    QComboBox *m_channel = nullptr;
    QCheckBox *m_anonymous = nullptr;
    QDateTimeEdit *m_receivedAt = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_phone = nullptr;
    TaxonomyPicker *m_category = nullptr;
    TaxonomyPicker *m_business = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QPlainTextEdit *m_demand = nullptr;
    QLineEdit *m_amount = nullptr;
    QLineEdit *m_forwardingBody = nullptr;
    QLineEdit *m_forwardingReference = nullptr;
    QLineEdit *m_forwardingDue = nullptr;
    QLineEdit *m_mediaOutlet = nullptr;
    QLineEdit *m_recording = nullptr;
    QLineEdit *m_idNumber = nullptr;
    QLineEdit *m_customerReference = nullptr;
    QLineEdit *m_product = nullptr;
    QLineEdit *m_subjectStaff = nullptr;
    QSpinBox *m_groupSize = nullptr;
    QCheckBox *m_fundsSafety = nullptr;
    QCheckBox *m_threatens = nullptr;

    QHash<QString, QWidget *> m_fields; // path → input widget
    QHash<QString, QLabel *> m_labels; // path → row label
    QHash<QString, QLabel *> m_messages; // path → message under the field
    QHash<QString, QFormLayout *> m_forms; // path → the form holding its row
    QLabel *m_setupLabel = nullptr;
    QLabel *m_channelLabel = nullptr;
    QLabel *m_receivedLabel = nullptr;
    QLabel *m_moreTitle = nullptr;
    QLabel *m_previewTitle = nullptr;
    QLabel *m_number = nullptr;
    QLabel *m_priority = nullptr;
    QLabel *m_routing = nullptr;
    QLabel *m_deadlines = nullptr;
    QLabel *m_warnings = nullptr;
    QLabel *m_repeat = nullptr;
    QLabel *m_banner = nullptr;
};

} // namespace casedesk
