#pragma once

#include <QLineEdit>

class QCompleter;

namespace casedesk {

class Taxonomy;
class TaxonomyMatchModel;

// A line edit that picks a category or a regulator-axis node by typing part of its Chinese or
// English name: a completer lists the matches as you type; Enter or Tab takes the highlighted one,
// or the only one left (issue 4 §3: built for speed at the counter).
class TaxonomyPicker : public QLineEdit
{
    Q_OBJECT

public:
    // axis: empty for the categories, else "channel", "business" or "cause".
    TaxonomyPicker(const Taxonomy &taxonomy, const QString &axis, QWidget *parent = nullptr);

    QString code() const { return m_code; }
    void setCode(const QString &code);
    // How many entries match the text as typed (0 for a typo, several for an ambiguous word).
    int matchCount() const;
    TaxonomyMatchModel *matchModel() const { return m_model; }
    QCompleter *matchCompleter() const { return m_completer; }
    void setLanguage(const QString &language);
    // Takes the highlighted entry, the exact name or the only match; returns whether one was taken.
    bool resolve();

signals:
    void codeChanged(const QString &code);

protected:
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool event(QEvent *event) override;

private:
    void choose(const QString &code);

    TaxonomyMatchModel *m_model = nullptr;
    QCompleter *m_completer = nullptr;
    QString m_code;
    QString m_highlighted;
};

} // namespace casedesk
