#pragma once

#include "domain/CaseRecord.h"
#include "rules/RecordSchema.h"
#include "rules/Taxonomy.h"

#include <QString>
#include <QTimeZone>

namespace casedesk {

// How a field of a case record reads on paper in a given language, for the printed case documents
// (supervision reply, acknowledgement slip): codes by their names, yes/no, money in yuan, times in the
// branch's zone. Labels come from the record schema (case-records.json), so forms and paper agree.
class CaseDocumentText
{
public:
    CaseDocumentText(QString language, QTimeZone zone, const Taxonomy &taxonomy);

    QString value(const RecordField &field, const QJsonValue &value) const;
    QString label(const RecordField &field) const { return field.label.text(m_language); }
    QString time(const QDateTime &at) const;
    QString date(const QDate &date) const;
    const QString &language() const { return m_language; }

private:
    QString m_language;
    QTimeZone m_zone;
    const Taxonomy &m_taxonomy;
};

} // namespace casedesk
