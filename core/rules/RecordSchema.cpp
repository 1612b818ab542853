#include "rules/RecordSchema.h"

#include "domain/Money.h"
#include "rules/LocalizedTextField.h"
#include "rules/RuleFileReader.h"
#include "rules/Taxonomy.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace casedesk {

using Presence = RuleFileReader::Presence;

namespace {

// JSON numbers are doubles: whole numbers beyond 2^53 are no longer exact.
constexpr double largestExactInteger = 9007199254740992.0;

QString labelOf(const RecordField &field)
{
    return field.label.text(QLocale().name());
}

} // namespace

const RecordField *RecordKind::field(const QString &name) const
{
    for (const RecordField &field : fields) {
        if (field.name == name)
            return &field;
    }
    return nullptr;
}

Result<RecordSchema> RecordSchema::fromJson(const QJsonObject &json, const QString &fileName)
{
    RecordSchema schema;
    RuleFileReader file(json, fileName);
    JsonReader &root = file.root();
    root.rejectUnknown({QStringLiteral("version"), QStringLiteral("source"), QStringLiteral("kinds")});
    file.readHeader();
    QSet<QString> kindCodes;
    file.readList(
        root, QStringLiteral("kinds"), QStringLiteral("kind"), Presence::NonEmpty, [&](JsonReader &entry, int) {
            entry.rejectUnknown(
                {QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("fields"), QStringLiteral("source")});
            RecordKind kind;
            kind.code = entry.string(QStringLiteral("kind"), true).trimmed();
            file.checkUnique(entry, QStringLiteral("kind"), kind.code, kindCodes);
            kind.name = LocalizedTextField::read(entry, QStringLiteral("name"));
            entry.string(QStringLiteral("source"));
            QSet<QString> fieldNames;
            file.readList(entry, QStringLiteral("fields"), QStringLiteral("name"), Presence::NonEmpty,
                [&](JsonReader &fieldEntry, int) {
                    fieldEntry.rejectUnknown({QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("label"),
                        QStringLiteral("required"), QStringLiteral("values")});
                    RecordField field;
                    field.name = fieldEntry.string(QStringLiteral("name"), true).trimmed();
                    file.checkUnique(fieldEntry, QStringLiteral("name"), field.name, fieldNames);
                    const QString type = fieldEntry.string(QStringLiteral("type"), true).trimmed();
                    field.label = LocalizedTextField::read(fieldEntry, QStringLiteral("label"));
                    field.required = fieldEntry.boolean(QStringLiteral("required"));
                    if (!file.ok())
                        return;
                    if (const auto parsed = fromCode<RecordFieldType>(type)) {
                        field.type = *parsed;
                    } else {
                        fieldEntry.invalid(QStringLiteral("type"),
                            tr("“%1” is not a field type; types are: %2.")
                                .arg(type, allCodes<RecordFieldType>().join(QStringLiteral(", "))),
                            {{QStringLiteral("value"), type}});
                        return;
                    }
                    const bool isCode = field.type == RecordFieldType::Code;
                    if (fieldEntry.has(QStringLiteral("values")) && !isCode) {
                        fieldEntry.invalid(
                            QStringLiteral("values"), tr("Only fields of type “code” list their values."));
                        return;
                    }
                    for (const QString &value : fieldEntry.stringList(QStringLiteral("values"), isCode)) {
                        const QString code = value.trimmed();
                        if (file.ok() && code.isEmpty())
                            fieldEntry.invalid(QStringLiteral("values"), tr("Values must not be empty."));
                        if (file.ok() && field.values.contains(code)) {
                            fieldEntry.invalid(QStringLiteral("values"), tr("“%1” is listed twice.").arg(code),
                                {{QStringLiteral("value"), code}});
                        }
                        field.values.append(code);
                    }
                    if (file.ok() && isCode && field.values.isEmpty())
                        fieldEntry.invalid(
                            QStringLiteral("values"), tr("A field of type “code” needs at least one value."));
                    kind.fields.append(field);
                });
            schema.m_kinds.append(kind);
        });
    if (!file.ok())
        return file.error();
    return schema;
}

const RecordKind *RecordSchema::kind(const QString &code) const
{
    for (const RecordKind &kind : m_kinds) {
        if (kind.code == code)
            return &kind;
    }
    return nullptr;
}

Result<QJsonObject> RecordSchema::validate(
    const QString &kindCode, const QJsonObject &data, const Taxonomy &taxonomy) const
{
    const RecordKind *kind = this->kind(kindCode);
    if (!kind) {
        QStringList codes;
        for (const RecordKind &k : m_kinds)
            codes.append(k.code);
        return Error {QStringLiteral("unknown_record_kind"),
            tr("“%1” is not a kind of record; kinds are: %2.").arg(kindCode, codes.join(QStringLiteral(", "))),
            {{QStringLiteral("field"), QStringLiteral("kind")}, {QStringLiteral("value"), kindCode},
                {QStringLiteral("allowed"), QJsonArray::fromStringList(codes)}}};
    }
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (!kind->field(it.key())) {
            return Error {QStringLiteral("unknown_field"),
                tr("“%1” is not a field of a %2 record.").arg(it.key(), kind->name.text(QLocale().name())),
                {{QStringLiteral("field"), it.key()}, {QStringLiteral("kind"), kind->code}}};
        }
    }

    QJsonObject normalised;
    for (const RecordField &field : kind->fields) {
        const QJsonValue value = data.value(field.name);
        const auto wrongType = [&](const QString &expected) {
            return Error {QStringLiteral("invalid_type"), tr("“%1” must be %2.").arg(labelOf(field), expected),
                {{QStringLiteral("field"), field.name}, {QStringLiteral("expected"), expected}}};
        };
        const auto notAllowed = [&](const QString &message, const QString &given, const QStringList &allowed = {}) {
            QJsonObject details {{QStringLiteral("field"), field.name}, {QStringLiteral("value"), given}};
            if (!allowed.isEmpty())
                details.insert(QStringLiteral("allowed"), QJsonArray::fromStringList(allowed));
            return Error {QStringLiteral("invalid_value"), message, details};
        };

        // A blank text counts as not given, so an empty form field does not satisfy "required".
        const bool absent
            = value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty());
        if (absent) {
            if (field.required) {
                return Error {QStringLiteral("missing_field"), tr("“%1” is required.").arg(labelOf(field)),
                    {{QStringLiteral("field"), field.name}}};
            }
            continue;
        }

        const QString text = value.toString().trimmed();
        switch (field.type) {
        case RecordFieldType::String:
        case RecordFieldType::Text:
            if (!value.isString())
                return wrongType(tr("text"));
            normalised.insert(field.name, text);
            break;
        case RecordFieldType::Bool:
            if (!value.isBool())
                return wrongType(tr("true or false"));
            normalised.insert(field.name, value.toBool());
            break;
        case RecordFieldType::Int: {
            const double number = value.toDouble();
            if (!value.isDouble() || std::trunc(number) != number || std::fabs(number) > largestExactInteger)
                return wrongType(tr("a whole number"));
            normalised.insert(field.name, qint64(number));
            break;
        }
        case RecordFieldType::Date: {
            // Qt's ISO parser takes any separator ("2026/03/01"); records store exactly YYYY-MM-DD.
            static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
            const QDate date = QDate::fromString(text, Qt::ISODate);
            if (!value.isString() || !isoDate.match(text).hasMatch() || !date.isValid())
                return wrongType(tr("a date written YYYY-MM-DD"));
            normalised.insert(field.name, date.toString(Qt::ISODate));
            break;
        }
        case RecordFieldType::DateTime: {
            const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
            // Without an offset the time would be read in whatever zone the reader sits (DESIGN §5).
            if (!value.isString() || !time.isValid() || time.timeSpec() == Qt::LocalTime)
                return wrongType(tr("a time in ISO 8601 with a UTC offset, e.g. 2026-11-24T10:20:00+08:00"));
            normalised.insert(field.name, time.toString(time.time().msec() ? Qt::ISODateWithMs : Qt::ISODate));
            break;
        }
        case RecordFieldType::Money: {
            if (!value.isString() && !value.isDouble())
                return wrongType(tr("an amount in yuan"));
            const auto money = Money::fromJson(value);
            if (!money)
                return notAllowed(tr("%1: %2").arg(labelOf(field), money.error().message),
                    value.isString() ? text : QString::number(value.toDouble(), 'g', 17));
            normalised.insert(field.name, money->toJson());
            break;
        }
        case RecordFieldType::Code:
            if (!value.isString())
                return wrongType(tr("one of: %1").arg(field.values.join(QStringLiteral(", "))));
            if (!field.values.contains(text)) {
                return notAllowed(
                    tr("“%1” must be one of: %2.").arg(labelOf(field), field.values.join(QStringLiteral(", "))), text,
                    field.values);
            }
            normalised.insert(field.name, text);
            break;
        case RecordFieldType::Cause:
            if (!value.isString())
                return wrongType(tr("a cause code"));
            if (!taxonomy.axisNode(QStringLiteral("cause"), text))
                return notAllowed(tr("“%1” is not a cause of the taxonomy.").arg(text), text);
            normalised.insert(field.name, text);
            break;
        }
    }
    return normalised;
}

} // namespace casedesk
