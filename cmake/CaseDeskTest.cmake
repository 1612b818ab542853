# casedesk_add_test(NAME name SOURCES a.cpp … [LIBS …] LABELS unit|integration|gui|e2e|bench [TIMEOUT s])
# One line per test: builds a Qt Test executable, registers it with CTest and labels it.
# A test that calls QSKIP for a missing prerequisite prints "SKIP" and is reported as skipped, not passed.
function(casedesk_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test casedesk_compile_options ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABELS}"
        TIMEOUT ${T_TIMEOUT}
        SKIP_REGULAR_EXPRESSION "SKIP   : "
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;CASEDESK_SOURCE_DIR=${PROJECT_SOURCE_DIR};CASEDESK_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()
