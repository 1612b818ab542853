#pragma once

#include "base/Result.h"
#include "casework/CaseRules.h"
#include "domain/Branch.h"
#include "domain/Case.h"
#include "report/PrintDocument.h"
#include "report/RenderedFile.h"

#include <QCoreApplication>
#include <QDateTime>

#include <memory>

namespace casedesk {

// The acknowledgement slip handed to the complainant at intake (BRIEF §2, 001 ch.2, 003; FCA DISP's
// written acknowledgement): thanks, the case number, what was recorded (phone masked), the category,
// the process and the due dates of both clocks (our working-day limit and the statutory limit), and a
// receipt line for the complainant's signature.
class AcknowledgementSlipDocument
{
    Q_DECLARE_TR_FUNCTIONS(AcknowledgementSlipDocument)

public:
    AcknowledgementSlipDocument(
        Case c, Branch branch, std::shared_ptr<const CaseRules> rules, QString language = QStringLiteral("zh_CN"));

    void setOrganisation(const QString &organisation) { m_organisation = organisation; }
    // The name of the staff member who received the complaint (首问负责人).
    void setReceiverName(const QString &name) { m_receiver = name; }

    PrintDocument printDocument(const QDateTime &printedAt) const;
    Result<RenderedFile> toPdf(const QDateTime &printedAt) const;

private:
    QString text(const char16_t *zh, const char16_t *en) const;

    Case m_case;
    Branch m_branch;
    std::shared_ptr<const CaseRules> m_rules;
    QString m_language;
    QString m_organisation;
    QString m_receiver;
};

} // namespace casedesk
