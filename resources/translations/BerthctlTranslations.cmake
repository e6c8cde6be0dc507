# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# berthctl's words in Simplified Chinese, included by ui/cli/CMakeLists.txt (so that the generated table is a
# source of berth_cli in its own directory). berthctl links no Qt: berth_translation_table, a Qt Core program run
# at build time, turns berthctl_zh_CN.ts into a sorted C++ table (cli/Translate.h). Without Qt (BERTH_BUILD_GUI
# OFF) the table is empty and berthctl speaks English only.
#
# `ninja update_cli_translations` collects every berth::cli::tr("...") of ui/cli and app/berthctl into
# berthctl_zh_CN.ts; TestCliTranslation fails while one has no translation.
set(berthctl_ts ${CMAKE_CURRENT_LIST_DIR}/berthctl_zh_CN.ts)
if(BERTH_BUILD_GUI)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Core LinguistTools)

    add_executable(berth_translation_table ${CMAKE_CURRENT_LIST_DIR}/TranslationTable.cpp)
    # A build tool: not in bin/, where the installed programs go, and without berth_options' sanitizers, whose leak
    # report would fail the build.
    target_link_libraries(berth_translation_table PRIVATE Qt6::Core)
    set_target_properties(berth_translation_table PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})

    set(berthctl_table ${CMAKE_CURRENT_BINARY_DIR}/TranslationsZhCn.cpp)
    add_custom_command(OUTPUT ${berthctl_table}
        COMMAND berth_translation_table ${berthctl_ts} berth::cli simplifiedChineseTable ${berthctl_table}
        DEPENDS berth_translation_table ${berthctl_ts}
        COMMENT "Compiling berthctl_zh_CN.ts into berthctl"
        VERBATIM)
    target_sources(berth_cli PRIVATE ${berthctl_table})

    get_target_property(berthctl_sources berth_cli SOURCES)
    list(FILTER berthctl_sources EXCLUDE REGEX "TranslationsZhCn\\.cpp$")
    list(TRANSFORM berthctl_sources PREPEND ${CMAKE_CURRENT_SOURCE_DIR}/)
    add_custom_target(update_cli_translations
        COMMAND Qt6::lupdate -no-obsolete -locations none ${berthctl_sources}
                ${PROJECT_SOURCE_DIR}/app/berthctl/main.cpp -ts ${berthctl_ts}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        COMMENT "Collecting berthctl's strings into berthctl_zh_CN.ts"
        VERBATIM)
else()
    target_sources(berth_cli PRIVATE NoTranslations.cpp)
endif()
