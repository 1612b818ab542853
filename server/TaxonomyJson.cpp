#include "TaxonomyJson.h"

#include "casework/CaseRules.h"
#include "domain/CaseStatus.h"
#include "domain/Channel.h"
#include "domain/Priority.h"
#include "domain/Role.h"

#include <QJsonArray>

namespace casedesk {

namespace {

QJsonArray entries(const QList<TaxonomyEntry> &list)
{
    QJsonArray array;
    for (const TaxonomyEntry &entry : list)
        array.append(QJsonObject {{QStringLiteral("code"), entry.code}, {QStringLiteral("name"), entry.name.toJson()}});
    return array;
}

QJsonArray axis(const QList<AxisNode> &nodes)
{
    QJsonArray array;
    for (const AxisNode &node : nodes) {
        QJsonObject o {{QStringLiteral("code"), node.code}, {QStringLiteral("name"), node.name.toJson()}};
        if (!node.regCode.isEmpty())
            o.insert(QStringLiteral("reg_code"), node.regCode);
        if (!node.children.isEmpty())
            o.insert(QStringLiteral("children"), axis(node.children));
        array.append(o);
    }
    return array;
}

template<typename Enum>
QJsonArray codes()
{
    return QJsonArray::fromStringList(allCodes<Enum>());
}

} // namespace

QJsonObject TaxonomyJson::render(const CaseRules &rules)
{
    const Taxonomy &taxonomy = rules.taxonomy();

    QJsonArray channels;
    for (const ChannelEntry &entry : taxonomy.channels()) {
        channels.append(QJsonObject {{QStringLiteral("code"), toCode(entry.channel)},
            {QStringLiteral("name"), entry.name.toJson()}, {QStringLiteral("channel_axis"), entry.channelAxis}});
    }
    QJsonArray categories;
    for (const Category &category : taxonomy.categories()) {
        categories.append(
            QJsonObject {{QStringLiteral("code"), category.code}, {QStringLiteral("name"), category.name.toJson()},
                {QStringLiteral("complexity"), toCode(category.complexity)},
                {QStringLiteral("default_unit"), category.defaultUnit},
                {QStringLiteral("statistics_group"), category.statisticsGroup},
                {QStringLiteral("default_cause"), category.defaultCause}});
    }
    QJsonObject axes;
    for (const QString &id : Taxonomy::axisIds())
        axes.insert(id, axis(taxonomy.axis(id)));

    QJsonArray recordKinds;
    for (const RecordKind &kind : rules.pack().recordSchema().kinds()) {
        QJsonArray fields;
        for (const RecordField &field : kind.fields) {
            QJsonObject f {{QStringLiteral("name"), field.name}, {QStringLiteral("type"), toCode(field.type)},
                {QStringLiteral("label"), field.label.toJson()}, {QStringLiteral("required"), field.required}};
            if (!field.values.isEmpty())
                f.insert(QStringLiteral("values"), QJsonArray::fromStringList(field.values));
            fields.append(f);
        }
        recordKinds.append(QJsonObject {{QStringLiteral("kind"), kind.code},
            {QStringLiteral("name"), kind.name.toJson()}, {QStringLiteral("fields"), fields}});
    }

    const IntakeFieldRules &intake = rules.pack().intakeFields();
    QJsonObject labels;
    for (const QString &field : IntakeFieldRules::knownFields()) {
        const LocalizedText label = intake.label(field);
        if (!label.zh.isEmpty() || !label.en.isEmpty())
            labels.insert(field, label.toJson());
    }
    QJsonArray byChannel;
    for (const QString &code : allCodes<Channel>()) {
        const Channel channel = *fromCode<Channel>(code);
        byChannel.append(QJsonObject {{QStringLiteral("channel"), code},
            {QStringLiteral("required"), QJsonArray::fromStringList(intake.requiredFields(channel))},
            {QStringLiteral("recommended"), QJsonArray::fromStringList(intake.recommendedFields(channel))}});
    }
    const QJsonObject intakeFields {
        {QStringLiteral("always_required"), QJsonArray::fromStringList(intake.commonFields())},
        {QStringLiteral("required_unless_anonymous"), QJsonArray::fromStringList(intake.identityFields())},
        {QStringLiteral("channels"), byChannel}, {QStringLiteral("labels"), labels}};

    QJsonArray transitions;
    for (const Transition &t : rules.workflow().transitions()) {
        QJsonArray from;
        for (CaseStatus status : t.from)
            from.append(toCode(status));
        QJsonArray roles;
        for (Role role : t.roles())
            roles.append(toCode(role));
        QJsonObject o {{QStringLiteral("id"), t.id}, {QStringLiteral("kind"), toCode(t.kind)},
            {QStringLiteral("from"), from}, {QStringLiteral("to"), toCode(t.to)},
            {QStringLiteral("label"), t.label.toJson()}, {QStringLiteral("roles"), roles}};
        if (t.ifNotVoluntary)
            o.insert(QStringLiteral("if_not_voluntary"), toCode(*t.ifNotVoluntary));
        transitions.append(o);
    }

    return {{QStringLiteral("profile"), taxonomy.profile()}, {QStringLiteral("name"), taxonomy.name().toJson()},
        {QStringLiteral("units"), entries(taxonomy.units())},
        {QStringLiteral("statistics_groups"), entries(taxonomy.statisticsGroups())},
        {QStringLiteral("channels"), channels}, {QStringLiteral("categories"), categories},
        {QStringLiteral("axes"), axes}, {QStringLiteral("record_kinds"), recordKinds},
        {QStringLiteral("intake_fields"), intakeFields}, {QStringLiteral("transitions"), transitions},
        {QStringLiteral("statuses"), codes<CaseStatus>()}, {QStringLiteral("priorities"), codes<Priority>()},
        {QStringLiteral("roles"), codes<Role>()}};
}

} // namespace casedesk
