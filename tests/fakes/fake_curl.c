// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// A libcurl.so.4 that is not libcurl: one function, none of the ones Berth calls. TestHttpLibrary points
// LD_LIBRARY_PATH at it; berthctl must say what is wrong with the library it found, not crash.
int curl_not_really(void)
{
    return 0;
}
