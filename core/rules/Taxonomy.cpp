#include "rules/Taxonomy.h"

#include "rules/LocalizedTextField.h"
#include "rules/RuleFileReader.h"

#include <QSet>

namespace casedesk {

using Presence = RuleFileReader::Presence;

namespace {

const QString channelAxisId = QStringLiteral("channel");
const QString businessAxisId = QStringLiteral("business");
const QString causeAxisId = QStringLiteral("cause");

bool matches(const QString &code, const LocalizedText &name, const QString &typed)
{
    return typed.isEmpty() || code.contains(typed, Qt::CaseInsensitive) || name.contains(typed);
}

const AxisNode *findNode(const QList<AxisNode> &nodes, const QString &code)
{
    for (const AxisNode &node : nodes) {
        if (node.code == code)
            return &node;
        if (const AxisNode *found = findNode(node.children, code))
            return found;
    }
    return nullptr;
}

void collectLeaves(const QList<AxisNode> &nodes, QList<const AxisNode *> &leaves)
{
    for (const AxisNode &node : nodes) {
        if (node.children.isEmpty())
            leaves.append(&node);
        else
            collectLeaves(node.children, leaves);
    }
}

void collectMatches(const QList<AxisNode> &nodes, const QString &typed, QList<const AxisNode *> &found)
{
    for (const AxisNode &node : nodes) {
        if (matches(node.code, node.name, typed))
            found.append(&node);
        collectMatches(node.children, typed, found);
    }
}

TaxonomyEntry readEntry(RuleFileReader &file, JsonReader &entry, QSet<QString> &seen)
{
    entry.rejectUnknown({QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("source")});
    TaxonomyEntry result;
    result.code = entry.string(QStringLiteral("code"), true).trimmed();
    result.name = LocalizedTextField::read(entry, QStringLiteral("name"));
    entry.string(QStringLiteral("source"));
    file.checkUnique(entry, QStringLiteral("code"), result.code, seen);
    return result;
}

// Axis codes are unique within their axis (not only among siblings) so that a code names one node.
void readAxisNodes(RuleFileReader &file, JsonReader &parent, const QString &key, Presence presence,
    QList<AxisNode> &nodes, QSet<QString> &seen)
{
    file.readList(parent, key, QStringLiteral("code"), presence, [&](JsonReader &entry, int) {
        entry.rejectUnknown({QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("reg_code"),
            QStringLiteral("children"), QStringLiteral("source")});
        AxisNode node;
        node.code = entry.string(QStringLiteral("code"), true).trimmed();
        node.name = LocalizedTextField::read(entry, QStringLiteral("name"));
        node.regCode = entry.string(QStringLiteral("reg_code")).trimmed();
        entry.string(QStringLiteral("source"));
        file.checkUnique(entry, QStringLiteral("code"), node.code, seen);
        readAxisNodes(file, entry, QStringLiteral("children"), Presence::Optional, node.children, seen);
        nodes.append(node);
    });
}

} // namespace

QStringList Taxonomy::axisIds()
{
    return {channelAxisId, businessAxisId, causeAxisId};
}

Result<Taxonomy> Taxonomy::fromJson(const QJsonObject &json, const QString &fileName)
{
    Taxonomy taxonomy;
    RuleFileReader file(json, fileName);
    JsonReader &root = file.root();
    root.rejectUnknown({QStringLiteral("version"), QStringLiteral("source"), QStringLiteral("profile"),
        QStringLiteral("name"), QStringLiteral("units"), QStringLiteral("channels"),
        QStringLiteral("statistics_groups"), QStringLiteral("categories"), QStringLiteral("axes")});
    file.readHeader();
    taxonomy.m_profile = root.string(QStringLiteral("profile"), true).trimmed();
    taxonomy.m_name = LocalizedTextField::read(root, QStringLiteral("name"));

    // The axes come first: channels and categories refer to their nodes.
    JsonReader axes = root.child(QStringLiteral("axes"), true);
    axes.rejectUnknown(axisIds());
    const std::pair<QString, QList<AxisNode> *> axisLists[] = {{channelAxisId, &taxonomy.m_channelAxis},
        {businessAxisId, &taxonomy.m_businessAxis}, {causeAxisId, &taxonomy.m_causeAxis}};
    for (const auto &[axisId, nodes] : axisLists) {
        QSet<QString> seen;
        readAxisNodes(file, axes, axisId, Presence::NonEmpty, *nodes, seen);
    }

    QSet<QString> unitCodes;
    file.readList(root, QStringLiteral("units"), QStringLiteral("code"), Presence::NonEmpty,
        [&](JsonReader &entry, int) { taxonomy.m_units.append(readEntry(file, entry, unitCodes)); });

    QSet<QString> groupCodes;
    file.readList(root, QStringLiteral("statistics_groups"), QStringLiteral("code"), Presence::NonEmpty,
        [&](JsonReader &entry, int) { taxonomy.m_statisticsGroups.append(readEntry(file, entry, groupCodes)); });

    QSet<QString> channelCodes;
    file.readList(
        root, QStringLiteral("channels"), QStringLiteral("code"), Presence::NonEmpty, [&](JsonReader &entry, int) {
            entry.rejectUnknown({QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("channel_axis"),
                QStringLiteral("source")});
            const QString code = entry.string(QStringLiteral("code"), true).trimmed();
            ChannelEntry channel;
            channel.name = LocalizedTextField::read(entry, QStringLiteral("name"));
            channel.channelAxis = entry.string(QStringLiteral("channel_axis"), true).trimmed();
            entry.string(QStringLiteral("source"));
            if (!file.ok())
                return;
            const auto parsed = fromCode<Channel>(code);
            if (!parsed) {
                entry.invalid(QStringLiteral("code"),
                    tr("“%1” is not a channel; channels are: %2.")
                        .arg(code, allCodes<Channel>().join(QStringLiteral(", "))),
                    {{QStringLiteral("value"), code}});
                return;
            }
            file.checkUnique(entry, QStringLiteral("code"), code, channelCodes);
            if (file.ok() && !findNode(taxonomy.m_channelAxis, channel.channelAxis)) {
                entry.invalid(QStringLiteral("channel_axis"),
                    tr("“%1” is not a node of the channel axis.").arg(channel.channelAxis),
                    {{QStringLiteral("value"), channel.channelAxis}});
            }
            channel.channel = *parsed;
            taxonomy.m_channels.append(channel);
        });
    // Every channel of DESIGN §5 needs a display name: the intake form offers all of them.
    for (const QString &code : allCodes<Channel>()) {
        if (file.ok() && !channelCodes.contains(code)) {
            root.invalid(QStringLiteral("channels"),
                tr("Channel “%1” has no entry; every channel needs a name.").arg(code),
                {{QStringLiteral("value"), code}});
        }
    }

    QSet<QString> categoryCodes;
    file.readList(
        root, QStringLiteral("categories"), QStringLiteral("code"), Presence::NonEmpty, [&](JsonReader &entry, int) {
            entry.rejectUnknown({QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("complexity"),
                QStringLiteral("default_unit"), QStringLiteral("statistics_group"), QStringLiteral("default_cause"),
                QStringLiteral("source")});
            Category category;
            category.code = entry.string(QStringLiteral("code"), true).trimmed();
            category.name = LocalizedTextField::read(entry, QStringLiteral("name"));
            const QString complexity = entry.string(QStringLiteral("complexity"), true).trimmed();
            category.defaultUnit = entry.string(QStringLiteral("default_unit"), true).trimmed();
            category.statisticsGroup = entry.string(QStringLiteral("statistics_group"), true).trimmed();
            category.defaultCause = entry.string(QStringLiteral("default_cause"), true).trimmed();
            entry.string(QStringLiteral("source"));
            file.checkUnique(entry, QStringLiteral("code"), category.code, categoryCodes);
            if (!file.ok())
                return;
            if (const auto parsed = fromCode<Complexity>(complexity)) {
                category.complexity = *parsed;
            } else {
                entry.invalid(QStringLiteral("complexity"),
                    tr("Complexity must be one of: %1.").arg(allCodes<Complexity>().join(QStringLiteral(", "))),
                    {{QStringLiteral("value"), complexity}});
            }
            if (file.ok() && !unitCodes.contains(category.defaultUnit)) {
                entry.invalid(QStringLiteral("default_unit"),
                    tr("Unit “%1” is not defined under “units”.").arg(category.defaultUnit),
                    {{QStringLiteral("value"), category.defaultUnit}});
            }
            if (file.ok() && !groupCodes.contains(category.statisticsGroup)) {
                entry.invalid(QStringLiteral("statistics_group"),
                    tr("Statistics group “%1” is not defined under “statistics_groups”.").arg(category.statisticsGroup),
                    {{QStringLiteral("value"), category.statisticsGroup}});
            }
            if (file.ok() && !findNode(taxonomy.m_causeAxis, category.defaultCause)) {
                entry.invalid(QStringLiteral("default_cause"),
                    tr("“%1” is not a node of the cause axis.").arg(category.defaultCause),
                    {{QStringLiteral("value"), category.defaultCause}});
            }
            taxonomy.m_categories.append(category);
        });

    if (!file.ok())
        return file.error();
    return taxonomy;
}

const QList<AxisNode> *Taxonomy::axisRoots(const QString &axis) const
{
    if (axis == channelAxisId)
        return &m_channelAxis;
    if (axis == businessAxisId)
        return &m_businessAxis;
    if (axis == causeAxisId)
        return &m_causeAxis;
    return nullptr;
}

const TaxonomyEntry *Taxonomy::unit(const QString &code) const
{
    for (const TaxonomyEntry &unit : m_units) {
        if (unit.code == code)
            return &unit;
    }
    return nullptr;
}

LocalizedText Taxonomy::channelName(Channel channel) const
{
    for (const ChannelEntry &entry : m_channels) {
        if (entry.channel == channel)
            return entry.name;
    }
    return {};
}

QString Taxonomy::channelAxisOf(Channel channel) const
{
    for (const ChannelEntry &entry : m_channels) {
        if (entry.channel == channel)
            return entry.channelAxis;
    }
    return {};
}

const TaxonomyEntry *Taxonomy::statisticsGroup(const QString &code) const
{
    for (const TaxonomyEntry &group : m_statisticsGroups) {
        if (group.code == code)
            return &group;
    }
    return nullptr;
}

const Category *Taxonomy::category(const QString &code) const
{
    for (const Category &category : m_categories) {
        if (category.code == code)
            return &category;
    }
    return nullptr;
}

QList<const Category *> Taxonomy::matchCategories(const QString &typed) const
{
    const QString needle = typed.trimmed();
    QList<const Category *> found;
    for (const Category &category : m_categories) {
        if (matches(category.code, category.name, needle))
            found.append(&category);
    }
    return found;
}

QList<AxisNode> Taxonomy::axis(const QString &axis) const
{
    const QList<AxisNode> *roots = axisRoots(axis);
    return roots ? *roots : QList<AxisNode>();
}

const AxisNode *Taxonomy::axisNode(const QString &axis, const QString &code) const
{
    const QList<AxisNode> *roots = axisRoots(axis);
    return roots ? findNode(*roots, code) : nullptr;
}

QList<const AxisNode *> Taxonomy::axisLeaves(const QString &axis) const
{
    QList<const AxisNode *> leaves;
    if (const QList<AxisNode> *roots = axisRoots(axis))
        collectLeaves(*roots, leaves);
    return leaves;
}

QList<const AxisNode *> Taxonomy::matchAxis(const QString &axis, const QString &typed) const
{
    QList<const AxisNode *> found;
    if (const QList<AxisNode> *roots = axisRoots(axis))
        collectMatches(*roots, typed.trimmed(), found);
    return found;
}

} // namespace casedesk
