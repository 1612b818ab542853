#pragma once

#include "base/Result.h"
#include "rules/RecordSchema.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>

#include <functional>

class QLabel;
class QFormLayout;

namespace casedesk {

class CaseRules;

// A form for one kind of case record (contact, investigation, reply, mediation, compensation,
// supervision reply, note …), generated from resources/rules/case-records.json: one typed input per
// field, labels in the UI language, required fields marked. The caller's submit function stores the
// record; its error (e.g. the schema's check) is shown in the dialog, which stays open until it works.
class RecordDialog : public QDialog
{
    Q_OBJECT

public:
    using Submit = std::function<Status(const QJsonObject &data)>;

    // now: the Workspace clock's time, the default of date and time fields.
    RecordDialog(
        const CaseRules &rules, const RecordKind &kind, const QDateTime &now, Submit submit, QWidget *parent = nullptr);

    // Presets a field (e.g. the handler's name on a supervision reply), in the record's JSON form.
    void setValue(const QString &field, const QJsonValue &value);
    QJsonObject data() const;
    QWidget *fieldWidget(const QString &field) const { return m_widgets.value(field); }
    QString errorText() const;

    void accept() override;

private:
    const CaseRules &m_rules;
    RecordKind m_kind;
    Submit m_submit;
    QHash<QString, QWidget *> m_widgets;
    QLabel *m_error = nullptr;
};

} // namespace casedesk
