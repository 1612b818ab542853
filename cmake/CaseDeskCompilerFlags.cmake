# Warning, sanitizer and coverage flags shared by every CaseDesk target (through casedesk_compile_options).
add_library(casedesk_compile_options INTERFACE)
target_compile_options(casedesk_compile_options INTERFACE -Wall -Wextra -Wpedantic)
if(CASEDESK_WERROR)
    target_compile_options(casedesk_compile_options INTERFACE -Werror)
endif()
target_compile_definitions(casedesk_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER)
if(CASEDESK_SANITIZE)
    target_compile_options(casedesk_compile_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                              -fno-sanitize-recover=undefined)
    target_link_options(casedesk_compile_options INTERFACE -fsanitize=address,undefined)
endif()
if(CASEDESK_COVERAGE)
    target_compile_options(casedesk_compile_options INTERFACE --coverage -O0)
    target_link_options(casedesk_compile_options INTERFACE --coverage)
endif()
