#pragma once

#include "base/Result.h"
#include "casework/AccessPolicy.h"
#include "domain/Case.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>

#include <functional>

class QLabel;

namespace casedesk {

class CaseRules;

// Corrects or completes a case's details (reclassification at review, the product and the person
// complained about once known, facts that change the priority). Only fields the user may change
// (AccessPolicy::canEdit) are enabled; only changed fields are sent, so a sync merges per field
// (DESIGN §6). Personal data is not edited here: lists hold it masked.
class CaseEditDialog : public QDialog
{
    Q_OBJECT

public:
    using Submit = std::function<Status(const QJsonObject &fields)>;

    CaseEditDialog(const CaseRules &rules, const Case &current, const AccessPolicy &access, Submit submit,
        QWidget *parent = nullptr);

    // The changed fields, nested as CaseFields reads them ({"forwarding": {"reference": …}}).
    QJsonObject changes() const;
    QWidget *fieldWidget(const QString &path) const { return m_widgets.value(path); }
    QString errorText() const;

    void accept() override;

private:
    QJsonValue value(const QString &path) const;

    const CaseRules &m_rules;
    Case m_case;
    Submit m_submit;
    QHash<QString, QWidget *> m_widgets;
    QStringList m_paths;
    QLabel *m_error = nullptr;
};

} // namespace casedesk
