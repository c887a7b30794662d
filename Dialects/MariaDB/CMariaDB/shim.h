#if __has_include(<mysql.h>)
#include <mysql.h>
#else
#include <mariadb/mysql.h>
#endif

// mariadb_get_infov is variadic, which Swift cannot call: the server status flags
// (SERVER_STATUS_IN_TRANS, …) of the last reply.
static inline unsigned int cmariadb_server_status(MYSQL *mysql) {
    unsigned int status = 0;
    mariadb_get_infov(mysql, MARIADB_CONNECTION_SERVER_STATUS, &status);
    return status;
}
