#include "casework/CaseFields.h"

#include "base/JsonReader.h"
#include "casework/CaseRules.h"
#include "validation/ChineseIdNumber.h"
#include "validation/PhoneNumber.h"

#include <QJsonArray>
#include <QUuid>

namespace casedesk {

namespace {

// Long enough for any complaint summary a counter writes; short enough to keep rows and slips sane.
constexpr int maxTextLength = 4000;
constexpr int maxNameLength = 100;

const QStringList nestedObjects = {QStringLiteral("complainant"), QStringLiteral("forwarding")};

Error invalid(const QString &path, const QString &message, const QString &code = QStringLiteral("invalid_value"))
{
    return {code, message, {{QStringLiteral("field"), path}}};
}

Error wrongType(const QString &path, const QString &expected)
{
    return invalid(path, CaseFields::tr("Field “%1” must be %2.").arg(path, expected), QStringLiteral("invalid_type"));
}

Result<QString> text(const QString &path, const QJsonValue &value, int maxLength, bool required = false)
{
    if (value.isNull() || value.isUndefined()) {
        if (required)
            return invalid(
                path, CaseFields::tr("Field “%1” must not be empty.").arg(path), QStringLiteral("missing_field"));
        return QString();
    }
    if (!value.isString())
        return wrongType(path, CaseFields::tr("a string"));
    const QString trimmed = value.toString().trimmed();
    if (required && trimmed.isEmpty())
        return invalid(
            path, CaseFields::tr("Field “%1” must not be empty.").arg(path), QStringLiteral("missing_field"));
    if (trimmed.size() > maxLength)
        return invalid(path, CaseFields::tr("Field “%1” is longer than %2 characters.").arg(path).arg(maxLength));
    return trimmed;
}

Result<bool> flag(const QString &path, const QJsonValue &value)
{
    if (value.isNull())
        return false;
    if (!value.isBool())
        return wrongType(path, CaseFields::tr("true or false"));
    return value.toBool();
}

Result<QString> axisCode(const QString &path, const QJsonValue &value, const CaseRules &rules, const QString &axis)
{
    auto code = text(path, value, maxNameLength);
    if (!code || code->isEmpty())
        return code;
    if (!rules.taxonomy().axisNode(axis, *code))
        return invalid(path, CaseFields::tr("“%1” is not a known code for “%2”.").arg(*code, path));
    return code;
}

QJsonValue textValue(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

const QStringList &CaseFields::editable()
{
    static const QStringList fields = {QStringLiteral("category"), QStringLiteral("business_category"),
        QStringLiteral("channel_axis"), QStringLiteral("cause"), QStringLiteral("product"),
        QStringLiteral("subject_staff"), QStringLiteral("summary"), QStringLiteral("demand"), QStringLiteral("amount"),
        QStringLiteral("handling_unit"), QStringLiteral("assignee_id"), QStringLiteral("parties"),
        QStringLiteral("group_size"), QStringLiteral("forwarding.body"), QStringLiteral("forwarding.reference"),
        QStringLiteral("forwarding.due_date"), QStringLiteral("media_outlet"), QStringLiteral("recording_reference"),
        QStringLiteral("funds_safety"), QStringLiteral("threatens_escalation"), QStringLiteral("legal_dispute"),
        QStringLiteral("malicious"), QStringLiteral("complainant.name"), QStringLiteral("complainant.phone"),
        QStringLiteral("complainant.id_number"), QStringLiteral("complainant.customer_reference"),
        QStringLiteral("complainant.anonymous")};
    return fields;
}

const QStringList &CaseFields::creationOnly()
{
    static const QStringList fields = {QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("channel"),
        QStringLiteral("received_at"), QStringLiteral("branch_id")};
    return fields;
}

Result<QMap<QString, QJsonValue>> CaseFields::flattenInput(const QJsonObject &body, bool creating)
{
    QMap<QString, QJsonValue> fields;
    auto known = [creating](const QString &path) {
        return editable().contains(path) || (creating && creationOnly().contains(path));
    };
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (nestedObjects.contains(it.key())) {
            if (it.value().isNull())
                continue;
            if (!it.value().isObject())
                return wrongType(it.key(), tr("an object"));
            const QJsonObject inner = it.value().toObject();
            for (auto in = inner.begin(); in != inner.end(); ++in) {
                const QString path = it.key() + QLatin1Char('.') + in.key();
                if (!known(path))
                    return invalid(
                        path, tr("Field “%1” is not known here.").arg(path), QStringLiteral("unknown_field"));
                fields.insert(path, in.value());
            }
            continue;
        }
        if (!known(it.key()))
            return invalid(
                it.key(), tr("Field “%1” is not known here.").arg(it.key()), QStringLiteral("unknown_field"));
        fields.insert(it.key(), it.value());
    }
    return fields;
}

Status CaseFields::set(Case &c, const QString &path, const QJsonValue &value, const CaseRules &rules, QDate today)
{
    const Taxonomy &taxonomy = rules.taxonomy();
    if (path == QLatin1String("id")) {
        auto id = text(path, value, 64, true);
        if (!id)
            return id.error();
        if (QUuid::fromString(*id).isNull())
            return invalid(path, tr("Field “id” must be a UUID."));
        c.id = QUuid::fromString(*id).toString(QUuid::WithoutBraces);
    } else if (path == QLatin1String("number")) {
        auto number = text(path, value, 64);
        if (!number)
            return number.error();
        c.number = *number;
    } else if (path == QLatin1String("channel")) {
        auto code = text(path, value, maxNameLength, true);
        if (!code)
            return code.error();
        const auto channel = fromCode<Channel>(*code);
        if (!channel) {
            return invalid(path,
                tr("“%1” is not a channel. Known channels: %2.")
                    .arg(*code, allCodes<Channel>().join(QStringLiteral(", "))));
        }
        c.channel = *channel;
    } else if (path == QLatin1String("received_at")) {
        if (!value.isString())
            return wrongType(path, tr("a time in ISO 8601 with a UTC offset"));
        const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
            return wrongType(path, tr("a time in ISO 8601 with a UTC offset, e.g. 2026-11-24T10:20:00+08:00"));
        c.receivedAt = at;
    } else if (path == QLatin1String("branch_id")) {
        auto id = text(path, value, 64, true);
        if (!id)
            return id.error();
        c.branchId = *id;
    } else if (path == QLatin1String("category")) {
        auto code = text(path, value, maxNameLength, true);
        if (!code)
            return code.error();
        if (!taxonomy.category(*code)) {
            QStringList known;
            for (const Category &category : taxonomy.categories())
                known.append(category.code);
            return invalid(path,
                tr("“%1” is not a category of this organisation. Known categories: %2.")
                    .arg(*code, known.join(QStringLiteral(", "))));
        }
        c.category = *code;
    } else if (path == QLatin1String("business_category")) {
        auto code = axisCode(path, value, rules, QStringLiteral("business"));
        if (!code)
            return code.error();
        c.businessCategory = *code;
    } else if (path == QLatin1String("channel_axis")) {
        auto code = axisCode(path, value, rules, QStringLiteral("channel"));
        if (!code)
            return code.error();
        c.channelAxis = *code;
    } else if (path == QLatin1String("cause")) {
        auto code = axisCode(path, value, rules, QStringLiteral("cause"));
        if (!code)
            return code.error();
        c.cause = *code;
    } else if (path == QLatin1String("handling_unit")) {
        auto code = text(path, value, maxNameLength);
        if (!code)
            return code.error();
        if (!code->isEmpty() && !taxonomy.unit(*code))
            return invalid(path, tr("“%1” is not a handling unit of this organisation.").arg(*code));
        c.handlingUnit = *code;
    } else if (path == QLatin1String("summary") || path == QLatin1String("demand") || path == QLatin1String("product")
        || path == QLatin1String("subject_staff") || path == QLatin1String("media_outlet")
        || path == QLatin1String("recording_reference") || path == QLatin1String("assignee_id")
        || path == QLatin1String("forwarding.body") || path == QLatin1String("forwarding.reference")
        || path == QLatin1String("complainant.name") || path == QLatin1String("complainant.customer_reference")) {
        const bool longText = path == QLatin1String("summary") || path == QLatin1String("demand");
        auto value_ = text(path, value, longText ? maxTextLength : maxNameLength, path == QLatin1String("summary"));
        if (!value_)
            return value_.error();
        QString *target = path == QLatin1String("summary")  ? &c.summary
            : path == QLatin1String("demand")               ? &c.demand
            : path == QLatin1String("product")              ? &c.product
            : path == QLatin1String("subject_staff")        ? &c.subjectStaff
            : path == QLatin1String("media_outlet")         ? &c.mediaOutlet
            : path == QLatin1String("recording_reference")  ? &c.recordingReference
            : path == QLatin1String("assignee_id")          ? &c.assigneeId
            : path == QLatin1String("forwarding.body")      ? &c.forwarding.body
            : path == QLatin1String("forwarding.reference") ? &c.forwarding.reference
            : path == QLatin1String("complainant.name")     ? &c.complainant.name
                                                            : &c.complainant.customerReference;
        *target = *value_;
    } else if (path == QLatin1String("amount")) {
        if (value.isNull()) {
            c.amount.reset();
        } else {
            auto money = Money::fromJson(value);
            if (!money) {
                Error error = money.error();
                error.details.insert(QStringLiteral("field"), path);
                return error;
            }
            c.amount = *money;
        }
    } else if (path == QLatin1String("group_size")) {
        const double size = value.toDouble(-1);
        if (!value.isNull() && (!value.isDouble() || size < 0 || size > 100000 || size != double(qint64(size))))
            return wrongType(path, tr("a whole number of complainants, 0 when it is not a group complaint"));
        c.groupSize = value.isNull() ? 0 : int(size);
    } else if (path == QLatin1String("parties")) {
        if (!value.isNull() && !value.isArray())
            return wrongType(path, tr("a list"));
        const QJsonArray array = value.toArray();
        QList<Party> parties;
        int representatives = 0;
        JsonReader reader(QJsonObject {{path, array}});
        for (int i = 0; i < array.size(); ++i) {
            JsonReader element = reader.element(array, i, path);
            Party party = Party::fromJson(element);
            if (reader.ok() && !party.phone.isEmpty()) {
                auto phone = PhoneNumber::parse(party.phone);
                if (!phone)
                    element.invalid(QStringLiteral("phone"), phone.error().message);
                else
                    party.phone = phone->normalized();
            }
            if (!reader.ok())
                return reader.error();
            if (party.kind == QLatin1String("representative"))
                ++representatives;
            parties.append(party);
        }
        // CBIRC Order 2020 No.3: joint walk-in complainants elect at most five representatives.
        if (representatives > rules.limits().maxRepresentatives()) {
            return invalid(path,
                tr("A group complaint has at most %1 representatives; %2 were given.")
                    .arg(rules.limits().maxRepresentatives())
                    .arg(representatives));
        }
        c.parties = parties;
    } else if (path == QLatin1String("forwarding.due_date")) {
        if (value.isNull()) {
            c.forwarding.dueDate = {};
        } else {
            JsonReader reader(QJsonObject {{path, value}});
            const QDate date = reader.date(path);
            if (!reader.ok())
                return reader.error();
            c.forwarding.dueDate = date;
        }
    } else if (path == QLatin1String("funds_safety") || path == QLatin1String("threatens_escalation")
        || path == QLatin1String("legal_dispute") || path == QLatin1String("malicious")
        || path == QLatin1String("complainant.anonymous")) {
        auto on = flag(path, value);
        if (!on)
            return on.error();
        bool *target = path == QLatin1String("funds_safety") ? &c.fundsSafety
            : path == QLatin1String("threatens_escalation")  ? &c.threatensEscalation
            : path == QLatin1String("legal_dispute")         ? &c.legalDispute
            : path == QLatin1String("malicious")             ? &c.malicious
                                                             : &c.complainant.anonymous;
        *target = *on;
    } else if (path == QLatin1String("complainant.phone")) {
        auto raw = text(path, value, maxNameLength);
        if (!raw)
            return raw.error();
        if (raw->isEmpty()) {
            c.complainant.phone.clear();
        } else {
            auto phone = PhoneNumber::parse(*raw);
            if (!phone) {
                Error error = phone.error();
                error.details.insert(QStringLiteral("field"), path);
                return error;
            }
            c.complainant.phone = phone->normalized();
        }
    } else if (path == QLatin1String("complainant.id_number")) {
        auto raw = text(path, value, maxNameLength);
        if (!raw)
            return raw.error();
        if (raw->isEmpty()) {
            c.complainant.idNumber.clear();
        } else {
            auto id = ChineseIdNumber::normalise(*raw, today);
            if (!id) {
                Error error = id.error();
                error.details.insert(QStringLiteral("field"), path);
                return error;
            }
            c.complainant.idNumber = *id;
        }
    } else {
        return invalid(path, tr("Field “%1” is not known here.").arg(path), QStringLiteral("unknown_field"));
    }
    return {};
}

QJsonValue CaseFields::get(const Case &c, const QString &path)
{
    if (path == QLatin1String("category"))
        return c.category;
    if (path == QLatin1String("business_category"))
        return textValue(c.businessCategory);
    if (path == QLatin1String("channel_axis"))
        return textValue(c.channelAxis);
    if (path == QLatin1String("cause"))
        return textValue(c.cause);
    if (path == QLatin1String("product"))
        return textValue(c.product);
    if (path == QLatin1String("subject_staff"))
        return textValue(c.subjectStaff);
    if (path == QLatin1String("summary"))
        return c.summary;
    if (path == QLatin1String("demand"))
        return textValue(c.demand);
    if (path == QLatin1String("amount"))
        return c.amount ? c.amount->toJson() : QJsonValue(QJsonValue::Null);
    if (path == QLatin1String("handling_unit"))
        return textValue(c.handlingUnit);
    if (path == QLatin1String("assignee_id"))
        return textValue(c.assigneeId);
    if (path == QLatin1String("parties")) {
        QJsonArray parties;
        for (const Party &party : c.parties)
            parties.append(party.toJson());
        return parties;
    }
    if (path == QLatin1String("group_size"))
        return c.groupSize;
    if (path == QLatin1String("forwarding.body"))
        return textValue(c.forwarding.body);
    if (path == QLatin1String("forwarding.reference"))
        return textValue(c.forwarding.reference);
    if (path == QLatin1String("forwarding.due_date"))
        return c.forwarding.dueDate.isValid() ? QJsonValue(c.forwarding.dueDate.toString(Qt::ISODate))
                                              : QJsonValue(QJsonValue::Null);
    if (path == QLatin1String("media_outlet"))
        return textValue(c.mediaOutlet);
    if (path == QLatin1String("recording_reference"))
        return textValue(c.recordingReference);
    if (path == QLatin1String("funds_safety"))
        return c.fundsSafety;
    if (path == QLatin1String("threatens_escalation"))
        return c.threatensEscalation;
    if (path == QLatin1String("legal_dispute"))
        return c.legalDispute;
    if (path == QLatin1String("malicious"))
        return c.malicious;
    if (path == QLatin1String("complainant.name"))
        return textValue(c.complainant.name);
    if (path == QLatin1String("complainant.phone"))
        return textValue(c.complainant.phone);
    if (path == QLatin1String("complainant.id_number"))
        return textValue(c.complainant.idNumber);
    if (path == QLatin1String("complainant.customer_reference"))
        return textValue(c.complainant.customerReference);
    if (path == QLatin1String("complainant.anonymous"))
        return c.complainant.anonymous;
    if (path == QLatin1String("channel"))
        return toCode(c.channel);
    if (path == QLatin1String("received_at"))
        return c.receivedAt.toString(Qt::ISODateWithMs);
    if (path == QLatin1String("branch_id"))
        return c.branchId;
    if (path == QLatin1String("number"))
        return textValue(c.number);
    if (path == QLatin1String("id"))
        return c.id;
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace casedesk
