#include "rules/IntakeFieldRules.h"

#include "rules/LocalizedTextField.h"
#include "rules/RuleFileReader.h"

#include <QSet>

namespace casedesk {

using Presence = RuleFileReader::Presence;

const QStringList &IntakeFieldRules::knownFields()
{
    // The intake fields of a case as the API names them (DESIGN §5, BRIEF §2).
    static const QStringList fields = {
        QStringLiteral("channel"),
        QStringLiteral("category"),
        QStringLiteral("received_at"),
        QStringLiteral("summary"),
        QStringLiteral("demand"),
        QStringLiteral("business_category"),
        QStringLiteral("channel_axis"),
        QStringLiteral("product"),
        QStringLiteral("subject_staff"),
        QStringLiteral("amount"),
        QStringLiteral("group_size"),
        QStringLiteral("parties"),
        QStringLiteral("complainant.name"),
        QStringLiteral("complainant.phone"),
        QStringLiteral("complainant.id_number"),
        QStringLiteral("complainant.customer_reference"),
        QStringLiteral("forwarding.body"),
        QStringLiteral("forwarding.reference"),
        QStringLiteral("forwarding.due_date"),
        QStringLiteral("media_outlet"),
        QStringLiteral("recording_reference"),
    };
    return fields;
}

namespace {

// Reads a list of field names that must all be labelled in the file's "fields" list.
QStringList readFieldList(
    JsonReader &reader, const QString &key, bool required, const QHash<QString, LocalizedText> &labels)
{
    QStringList fields;
    for (const QString &value : reader.stringList(key, required)) {
        const QString field = value.trimmed();
        if (!reader.ok())
            break;
        if (!labels.contains(field)) {
            reader.invalid(key, IntakeFieldRules::tr("“%1” is not listed under “fields”.").arg(field),
                {{QStringLiteral("value"), field}});
            break;
        }
        if (fields.contains(field)) {
            reader.invalid(
                key, IntakeFieldRules::tr("“%1” is listed twice.").arg(field), {{QStringLiteral("value"), field}});
            break;
        }
        fields.append(field);
    }
    return fields;
}

} // namespace

Result<IntakeFieldRules> IntakeFieldRules::fromJson(const QJsonObject &json, const QString &fileName)
{
    IntakeFieldRules rules;
    RuleFileReader file(json, fileName);
    JsonReader &root = file.root();
    root.rejectUnknown({QStringLiteral("version"), QStringLiteral("source"), QStringLiteral("fields"),
        QStringLiteral("always_required"), QStringLiteral("required_unless_anonymous"), QStringLiteral("channels")});
    file.readHeader();

    file.readList(
        root, QStringLiteral("fields"), QStringLiteral("name"), Presence::NonEmpty, [&](JsonReader &entry, int) {
            entry.rejectUnknown({QStringLiteral("name"), QStringLiteral("label")});
            const QString name = entry.string(QStringLiteral("name"), true).trimmed();
            const LocalizedText label = LocalizedTextField::read(entry, QStringLiteral("label"));
            if (!file.ok())
                return;
            if (!knownFields().contains(name)) {
                entry.invalid(QStringLiteral("name"),
                    tr("“%1” is not an intake field; fields are: %2.")
                        .arg(name, knownFields().join(QStringLiteral(", "))),
                    {{QStringLiteral("value"), name}});
            } else if (rules.m_labels.contains(name)) {
                entry.invalid(
                    QStringLiteral("name"), tr("“%1” is listed twice.").arg(name), {{QStringLiteral("value"), name}});
            }
            rules.m_labels.insert(name, label);
        });

    if (file.ok()) {
        rules.m_common = readFieldList(root, QStringLiteral("always_required"), true, rules.m_labels);
        rules.m_identity = readFieldList(root, QStringLiteral("required_unless_anonymous"), false, rules.m_labels);
    }

    QSet<QString> channels;
    file.readList(
        root, QStringLiteral("channels"), QStringLiteral("channel"), Presence::Required, [&](JsonReader &entry, int) {
            entry.rejectUnknown({QStringLiteral("channel"), QStringLiteral("required"), QStringLiteral("recommended"),
                QStringLiteral("source")});
            const QString code = entry.string(QStringLiteral("channel"), true).trimmed();
            entry.string(QStringLiteral("source"));
            if (!file.ok())
                return;
            const auto channel = fromCode<Channel>(code);
            if (!channel) {
                entry.invalid(QStringLiteral("channel"),
                    tr("“%1” is not a channel; channels are: %2.")
                        .arg(code, allCodes<Channel>().join(QStringLiteral(", "))),
                    {{QStringLiteral("value"), code}});
                return;
            }
            file.checkUnique(entry, QStringLiteral("channel"), code, channels);
            const QStringList required = readFieldList(entry, QStringLiteral("required"), false, rules.m_labels);
            const QStringList recommended = readFieldList(entry, QStringLiteral("recommended"), false, rules.m_labels);
            for (const QString &field : recommended) {
                if (file.ok() && required.contains(field)) {
                    entry.invalid(QStringLiteral("recommended"),
                        tr("“%1” is already required for this channel.").arg(field),
                        {{QStringLiteral("value"), field}});
                }
            }
            rules.m_required.insert(int(*channel), required);
            rules.m_recommended.insert(int(*channel), recommended);
        });

    if (!file.ok())
        return file.error();
    return rules;
}

QStringList IntakeFieldRules::allRequiredFields(Channel channel, bool anonymous) const
{
    QStringList fields = m_common;
    if (!anonymous)
        fields += m_identity;
    for (const QString &field : requiredFields(channel)) {
        if (!fields.contains(field))
            fields.append(field);
    }
    return fields;
}

} // namespace casedesk
