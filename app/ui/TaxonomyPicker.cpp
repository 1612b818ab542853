#include "ui/TaxonomyPicker.h"

#include "ui/TaxonomyMatchModel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFocusEvent>
#include <QKeyEvent>

namespace casedesk {

TaxonomyPicker::TaxonomyPicker(const Taxonomy &taxonomy, const QString &axis, QWidget *parent)
    : QLineEdit(parent)
    , m_model(new TaxonomyMatchModel(taxonomy, axis, this))
    , m_completer(new QCompleter(this))
{
    m_completer->setModel(m_model);
    // The model does the matching (any part of either name), so the completer must not filter again.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    setCompleter(m_completer);
    setClearButtonEnabled(true);

    connect(this, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_highlighted.clear();
        m_model->setFilter(text);
        if (!m_code.isEmpty()) {
            m_code.clear();
            emit codeChanged(m_code);
        }
    });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::highlighted), this,
        [this](const QModelIndex &index) { m_highlighted = index.data(TaxonomyMatchModel::CodeRole).toString(); });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
        [this](const QModelIndex &index) { choose(index.data(TaxonomyMatchModel::CodeRole).toString()); });
    connect(this, &QLineEdit::editingFinished, this, &TaxonomyPicker::resolve);
}

void TaxonomyPicker::focusInEvent(QFocusEvent *event)
{
    QLineEdit::focusInEvent(event);
    if (m_code.isEmpty() && text().isEmpty())
        m_model->setFilter({});
}

void TaxonomyPicker::focusOutEvent(QFocusEvent *event)
{
    // Leaving the field (Tab, a click elsewhere) takes the match, also while the list is open.
    if (event->reason() != Qt::PopupFocusReason)
        resolve();
    QLineEdit::focusOutEvent(event);
}

bool TaxonomyPicker::event(QEvent *event)
{
    // Tab and Enter take the highlighted or only match before focus moves on; the completer's popup
    // forwards its keys here, so this also holds while the list is open.
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Tab || key == Qt::Key_Backtab || key == Qt::Key_Return || key == Qt::Key_Enter)
            resolve();
    }
    return QLineEdit::event(event);
}

int TaxonomyPicker::matchCount() const
{
    return m_model->rowCount();
}

bool TaxonomyPicker::resolve()
{
    if (!m_code.isEmpty())
        return true;
    if (text().trimmed().isEmpty())
        return false;
    QString code = m_highlighted;
    if (code.isEmpty())
        code = m_model->exactMatch(text());
    if (code.isEmpty() && m_model->rowCount() == 1)
        code = m_model->code(0);
    if (code.isEmpty())
        return false;
    choose(code);
    return true;
}

void TaxonomyPicker::choose(const QString &code)
{
    m_highlighted.clear();
    if (m_completer->popup()->isVisible())
        m_completer->popup()->hide();
    const QString name = m_model->name(code);
    setText(name.isEmpty() ? code : name);
    m_model->setFilter(text());
    if (m_code != code) {
        m_code = code;
        emit codeChanged(m_code);
    }
}

void TaxonomyPicker::setCode(const QString &code)
{
    if (code.isEmpty()) {
        clear();
        m_model->setFilter({});
        if (!m_code.isEmpty()) {
            m_code.clear();
            emit codeChanged(m_code);
        }
        return;
    }
    choose(code);
}

void TaxonomyPicker::setLanguage(const QString &language)
{
    m_model->setLanguage(language);
    if (!m_code.isEmpty())
        setText(m_model->name(m_code));
}

} // namespace casedesk
