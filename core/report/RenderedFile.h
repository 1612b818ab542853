#pragma once

#include <QByteArray>
#include <QString>

namespace casedesk {

// A rendered document ready to send or save: its bytes, the MIME type for the HTTP response and a
// suggested file name (Content-Disposition, the client's save dialog).
struct RenderedFile
{
    QByteArray bytes;
    QString mimeType;
    QString fileName;
};

} // namespace casedesk
