#pragma once

#include "base/Result.h"
#include "casework/CaseRules.h"
#include "domain/Branch.h"
#include "domain/Case.h"
#include "domain/CaseRecord.h"
#include "report/PrintDocument.h"
#include "report/RenderedFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace casedesk {

// The printed reply to a case forwarded by a superior office or a regulator (转办/督办单回复, BRIEF §7,
// 004 art.12): the forwarding body's reference and deadline, the complaint, and the latest supervision
// reply record (cause and verification, action against responsible staff, lessons and corrective
// measures, the customer's satisfaction, handling time, handler and phone), with a signature block.
class SupervisionReplyDocument
{
    Q_DECLARE_TR_FUNCTIONS(SupervisionReplyDocument)

public:
    // records: the case's records (any kinds; the latest supervision_reply is printed, the latest reply's
    // solution too). language: "zh_CN" (default) or "en".
    SupervisionReplyDocument(Case c, QList<CaseRecord> records, Branch branch, std::shared_ptr<const CaseRules> rules,
        QString language = QStringLiteral("zh_CN"));

    void setOrganisation(const QString &organisation) { m_organisation = organisation; }

    // Error "no_supervision_reply" when the case has no supervision reply record yet.
    Result<PrintDocument> printDocument(const QDateTime &printedAt) const;
    Result<RenderedFile> toPdf(const QDateTime &printedAt) const;

private:
    QString text(const char16_t *zh, const char16_t *en) const;

    Case m_case;
    QList<CaseRecord> m_records;
    Branch m_branch;
    std::shared_ptr<const CaseRules> m_rules;
    QString m_language;
    QString m_organisation;
};

} // namespace casedesk
