/* The calls of the seldom-used libraries, each through lazy_sym (core/lazy.h):
 * included after the library's own header, whose declarations give each call its
 * type. Every function qifu calls of these libraries is named here; one missing
 * fails the link, as the libraries are not linked. */
/* no include guard: a file may include it after each library header */
#include "core/lazy.h"

/* <zip.h> */
#if defined(_HAD_ZIP_H) && !defined(QIFU_LAZY_ZIP)
#define QIFU_LAZY_ZIP
#define zip_discard(...) LAZY_CALL(lazy_zip, zip_discard)(__VA_ARGS__)
#define zip_error_code_zip(...) LAZY_CALL(lazy_zip, zip_error_code_zip)(__VA_ARGS__)
#define zip_error_fini(...) LAZY_CALL(lazy_zip, zip_error_fini)(__VA_ARGS__)
#define zip_error_init(...) LAZY_CALL(lazy_zip, zip_error_init)(__VA_ARGS__)
#define zip_error_init_with_code(...) LAZY_CALL(lazy_zip, zip_error_init_with_code)(__VA_ARGS__)
#define zip_error_strerror(...) LAZY_CALL(lazy_zip, zip_error_strerror)(__VA_ARGS__)
#define zip_fclose(...) LAZY_CALL(lazy_zip, zip_fclose)(__VA_ARGS__)
#define zip_file_strerror(...) LAZY_CALL(lazy_zip, zip_file_strerror)(__VA_ARGS__)
#define zip_fopen_index(...) LAZY_CALL(lazy_zip, zip_fopen_index)(__VA_ARGS__)
#define zip_fread(...) LAZY_CALL(lazy_zip, zip_fread)(__VA_ARGS__)
#define zip_get_error(...) LAZY_CALL(lazy_zip, zip_get_error)(__VA_ARGS__)
#define zip_name_locate(...) LAZY_CALL(lazy_zip, zip_name_locate)(__VA_ARGS__)
#define zip_open(...) LAZY_CALL(lazy_zip, zip_open)(__VA_ARGS__)
#define zip_open_from_source(...) LAZY_CALL(lazy_zip, zip_open_from_source)(__VA_ARGS__)
#define zip_source_buffer_create(...) LAZY_CALL(lazy_zip, zip_source_buffer_create)(__VA_ARGS__)
#define zip_source_free(...) LAZY_CALL(lazy_zip, zip_source_free)(__VA_ARGS__)
#define zip_stat_index(...) LAZY_CALL(lazy_zip, zip_stat_index)(__VA_ARGS__)
#endif

/* <expat.h> */
#if defined(Expat_INCLUDED) && !defined(QIFU_LAZY_EXPAT)
#define QIFU_LAZY_EXPAT
#define XML_ErrorString(...) LAZY_CALL(lazy_expat, XML_ErrorString)(__VA_ARGS__)
#define XML_GetCurrentColumnNumber(...) LAZY_CALL(lazy_expat, XML_GetCurrentColumnNumber)(__VA_ARGS__)
#define XML_GetCurrentLineNumber(...) LAZY_CALL(lazy_expat, XML_GetCurrentLineNumber)(__VA_ARGS__)
#define XML_GetErrorCode(...) LAZY_CALL(lazy_expat, XML_GetErrorCode)(__VA_ARGS__)
#define XML_Parse(...) LAZY_CALL(lazy_expat, XML_Parse)(__VA_ARGS__)
#define XML_ParserCreateNS(...) LAZY_CALL(lazy_expat, XML_ParserCreateNS)(__VA_ARGS__)
#define XML_ParserFree(...) LAZY_CALL(lazy_expat, XML_ParserFree)(__VA_ARGS__)
#define XML_SetCharacterDataHandler(...) LAZY_CALL(lazy_expat, XML_SetCharacterDataHandler)(__VA_ARGS__)
#define XML_SetElementHandler(...) LAZY_CALL(lazy_expat, XML_SetElementHandler)(__VA_ARGS__)
#define XML_SetStartDoctypeDeclHandler(...) LAZY_CALL(lazy_expat, XML_SetStartDoctypeDeclHandler)(__VA_ARGS__)
#define XML_SetUserData(...) LAZY_CALL(lazy_expat, XML_SetUserData)(__VA_ARGS__)
#define XML_StopParser(...) LAZY_CALL(lazy_expat, XML_StopParser)(__VA_ARGS__)
#endif

/* <xlsxwriter.h> */
#if defined(__LXW_XLSXWRITER_H__) && !defined(QIFU_LAZY_XLSXWRITER)
#define QIFU_LAZY_XLSXWRITER
#define chart_add_series(...) LAZY_CALL(lazy_xlsxwriter, chart_add_series)(__VA_ARGS__)
#define chart_axis_set_name(...) LAZY_CALL(lazy_xlsxwriter, chart_axis_set_name)(__VA_ARGS__)
#define chart_legend_set_position(...) LAZY_CALL(lazy_xlsxwriter, chart_legend_set_position)(__VA_ARGS__)
#define chart_series_set_categories(...) LAZY_CALL(lazy_xlsxwriter, chart_series_set_categories)(__VA_ARGS__)
#define chart_series_set_marker_type(...) LAZY_CALL(lazy_xlsxwriter, chart_series_set_marker_type)(__VA_ARGS__)
#define chart_series_set_name_range(...) LAZY_CALL(lazy_xlsxwriter, chart_series_set_name_range)(__VA_ARGS__)
#define chart_series_set_values(...) LAZY_CALL(lazy_xlsxwriter, chart_series_set_values)(__VA_ARGS__)
#define chart_show_blanks_as(...) LAZY_CALL(lazy_xlsxwriter, chart_show_blanks_as)(__VA_ARGS__)
#define chart_title_set_name(...) LAZY_CALL(lazy_xlsxwriter, chart_title_set_name)(__VA_ARGS__)
#define format_set_align(...) LAZY_CALL(lazy_xlsxwriter, format_set_align)(__VA_ARGS__)
#define format_set_bg_color(...) LAZY_CALL(lazy_xlsxwriter, format_set_bg_color)(__VA_ARGS__)
#define format_set_bold(...) LAZY_CALL(lazy_xlsxwriter, format_set_bold)(__VA_ARGS__)
#define format_set_bottom(...) LAZY_CALL(lazy_xlsxwriter, format_set_bottom)(__VA_ARGS__)
#define format_set_font_size(...) LAZY_CALL(lazy_xlsxwriter, format_set_font_size)(__VA_ARGS__)
#define format_set_left(...) LAZY_CALL(lazy_xlsxwriter, format_set_left)(__VA_ARGS__)
#define format_set_num_format(...) LAZY_CALL(lazy_xlsxwriter, format_set_num_format)(__VA_ARGS__)
#define format_set_right(...) LAZY_CALL(lazy_xlsxwriter, format_set_right)(__VA_ARGS__)
#define format_set_text_wrap(...) LAZY_CALL(lazy_xlsxwriter, format_set_text_wrap)(__VA_ARGS__)
#define format_set_top(...) LAZY_CALL(lazy_xlsxwriter, format_set_top)(__VA_ARGS__)
#define lxw_strerror(...) LAZY_CALL(lazy_xlsxwriter, lxw_strerror)(__VA_ARGS__)
#define lxw_workbook_free(...) LAZY_CALL(lazy_xlsxwriter, lxw_workbook_free)(__VA_ARGS__)
#define workbook_add_chart(...) LAZY_CALL(lazy_xlsxwriter, workbook_add_chart)(__VA_ARGS__)
#define workbook_add_format(...) LAZY_CALL(lazy_xlsxwriter, workbook_add_format)(__VA_ARGS__)
#define workbook_add_worksheet(...) LAZY_CALL(lazy_xlsxwriter, workbook_add_worksheet)(__VA_ARGS__)
#define workbook_close(...) LAZY_CALL(lazy_xlsxwriter, workbook_close)(__VA_ARGS__)
#define workbook_new_opt(...) LAZY_CALL(lazy_xlsxwriter, workbook_new_opt)(__VA_ARGS__)
#define worksheet_autofilter(...) LAZY_CALL(lazy_xlsxwriter, worksheet_autofilter)(__VA_ARGS__)
#define worksheet_center_horizontally(...) LAZY_CALL(lazy_xlsxwriter, worksheet_center_horizontally)(__VA_ARGS__)
#define worksheet_fit_to_pages(...) LAZY_CALL(lazy_xlsxwriter, worksheet_fit_to_pages)(__VA_ARGS__)
#define worksheet_freeze_panes(...) LAZY_CALL(lazy_xlsxwriter, worksheet_freeze_panes)(__VA_ARGS__)
#define worksheet_gridlines(...) LAZY_CALL(lazy_xlsxwriter, worksheet_gridlines)(__VA_ARGS__)
#define worksheet_insert_chart_opt(...) LAZY_CALL(lazy_xlsxwriter, worksheet_insert_chart_opt)(__VA_ARGS__)
#define worksheet_merge_range(...) LAZY_CALL(lazy_xlsxwriter, worksheet_merge_range)(__VA_ARGS__)
#define worksheet_repeat_rows(...) LAZY_CALL(lazy_xlsxwriter, worksheet_repeat_rows)(__VA_ARGS__)
#define worksheet_set_column(...) LAZY_CALL(lazy_xlsxwriter, worksheet_set_column)(__VA_ARGS__)
#define worksheet_set_footer(...) LAZY_CALL(lazy_xlsxwriter, worksheet_set_footer)(__VA_ARGS__)
#define worksheet_set_h_pagebreaks(...) LAZY_CALL(lazy_xlsxwriter, worksheet_set_h_pagebreaks)(__VA_ARGS__)
#define worksheet_set_landscape(...) LAZY_CALL(lazy_xlsxwriter, worksheet_set_landscape)(__VA_ARGS__)
#define worksheet_set_margins(...) LAZY_CALL(lazy_xlsxwriter, worksheet_set_margins)(__VA_ARGS__)
#define worksheet_set_paper(...) LAZY_CALL(lazy_xlsxwriter, worksheet_set_paper)(__VA_ARGS__)
#define worksheet_set_portrait(...) LAZY_CALL(lazy_xlsxwriter, worksheet_set_portrait)(__VA_ARGS__)
#define worksheet_set_row(...) LAZY_CALL(lazy_xlsxwriter, worksheet_set_row)(__VA_ARGS__)
#define worksheet_write_number(...) LAZY_CALL(lazy_xlsxwriter, worksheet_write_number)(__VA_ARGS__)
#define worksheet_write_string(...) LAZY_CALL(lazy_xlsxwriter, worksheet_write_string)(__VA_ARGS__)
#endif

/* <qrencode.h> */
#if defined(QRENCODE_H) && !defined(QIFU_LAZY_QRENCODE)
#define QIFU_LAZY_QRENCODE
#define QRcode_encodeString8bit(...) LAZY_CALL(lazy_qrencode, QRcode_encodeString8bit)(__VA_ARGS__)
#define QRcode_free(...) LAZY_CALL(lazy_qrencode, QRcode_free)(__VA_ARGS__)
#endif
