#pragma once

#include "base/Result.h"
#include "domain/Codes.h"
#include "domain/LocalizedText.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace casedesk {

class Taxonomy;

// The value types a record field can have. "code" takes one of the field's listed values; "cause" a
// code of the taxonomy's cause axis (BRIEF §9, confirmed at investigation).
enum class RecordFieldType { String, Text, Bool, Int, Date, DateTime, Money, Code, Cause };

template<>
struct CodeTable<RecordFieldType>
{
    static constexpr CodeEntry<RecordFieldType> entries[] = {
        {RecordFieldType::String, "string"},
        {RecordFieldType::Text, "text"},
        {RecordFieldType::Bool, "bool"},
        {RecordFieldType::Int, "int"},
        {RecordFieldType::Date, "date"},
        {RecordFieldType::DateTime, "datetime"},
        {RecordFieldType::Money, "money"},
        {RecordFieldType::Code, "code"},
        {RecordFieldType::Cause, "cause"},
    };
};

// A field of a record kind, with its labels for forms.
struct RecordField
{
    QString name;
    RecordFieldType type = RecordFieldType::String;
    LocalizedText label;
    bool required = false;
    QStringList values; // for RecordFieldType::Code
};

// A kind of record (contact, visit …) and its fields in form order.
struct RecordKind
{
    QString code;
    LocalizedText name;
    QList<RecordField> fields;

    const RecordField *field(const QString &name) const;
};

// The kinds of records appended to a case (BRIEF §7: contact, investigation, reply, mediation …) and
// their typed fields, read from resources/rules/case-records.json. Forms are built from it and both
// client and server check records with validate().
class RecordSchema
{
    Q_DECLARE_TR_FUNCTIONS(RecordSchema)

public:
    static Result<RecordSchema> fromJson(const QJsonObject &json, const QString &fileName);

    const QList<RecordKind> &kinds() const { return m_kinds; }
    const RecordKind *kind(const QString &code) const;

    // Checks a record's data against its kind and returns it normalised: strings trimmed and empty
    // optional values dropped, money as a number of yuan with at most two decimals, dates as ISO text.
    // The error's details name the offending field.
    Result<QJsonObject> validate(const QString &kind, const QJsonObject &data, const Taxonomy &taxonomy) const;

private:
    QList<RecordKind> m_kinds;
};

} // namespace casedesk
