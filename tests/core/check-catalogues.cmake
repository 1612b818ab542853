# Runs lupdate over today's sources into a copy of the Chinese catalogue: a user-visible string added
# without a translation (or a catalogue never refreshed) fails the test, naming the strings.
#   cmake -DLUPDATE=… -DSOURCES_LIST=… -DCATALOGUE=…/casedesk_zh_CN.ts -DWORK_DIR=… -P check-catalogues.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY "${CATALOGUE}" DESTINATION "${WORK_DIR}")
get_filename_component(name "${CATALOGUE}" NAME)
execute_process(COMMAND "${LUPDATE}" -silent -no-obsolete -locations none "@${SOURCES_LIST}" -ts "${WORK_DIR}/${name}"
                RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${errors}")
endif()
file(READ "${WORK_DIR}/${name}" refreshed)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n\r\t]*(<[a-z]*comment>[^<]*</[a-z]*comment>[ \n\r\t]*)*<translation type=\"unfinished\"" missing "${refreshed}")
list(LENGTH missing count)
if(count GREATER 0)
    string(REGEX REPLACE "[ \n\r\t]*(<[a-z]*comment>[^<]*</[a-z]*comment>[ \n\r\t]*)*<translation type=\"unfinished\"" "" missing "${missing}")
    list(JOIN missing "\n  " shown)
    message(FATAL_ERROR "${count} string(s) have no translation in ${name}; run the casedesk_translations_lupdate "
                        "target and translate them:\n  ${shown}")
endif()
message(STATUS "${name}: every string is translated")
